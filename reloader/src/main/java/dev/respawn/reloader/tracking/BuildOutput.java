package dev.respawn.reloader.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which classes loaded from a jar are the application's own: those of a jar inside a build's output
 * directory (Maven's {@code target/}, Gradle's {@code build/}) that the same build compiled into its
 * class folder. So the application's classes are its own when a launcher runs them from the jars its
 * build packed (Quarkus's {@code target/quarkus-app/app/*.jar}, Spring Boot's
 * {@code BOOT-INF/classes} in {@code target/app.jar}), while the libraries beside them
 * ({@code quarkus-app/lib/}, {@code BOOT-INF/lib/}, {@code target/lib/}) and the classes a framework
 * generates at build time (no source of the project's) are not.
 */
public final class BuildOutput {

    /** How far above a jar its build's output directory may be: {@code target/quarkus-app/app/x.jar}. */
    private static final int LEVELS = 4;
    private static final List<String> LANGUAGES = List.of("java", "kotlin", "scala", "groovy");

    private static final BuildOutput WORKER = new BuildOutput();

    private final ConcurrentHashMap<Path, List<Path>> classFolders = new ConcurrentHashMap<>();
    /**
     * The classes of each class folder, listed once: every class of a library jar in a build's output
     * ({@code target/lib/}) is looked up here as it loads, cheaper than a file system call each.
     */
    private final ConcurrentHashMap<Path, Set<String>> compiled = new ConcurrentHashMap<>();

    /**
     * The one of a worker JVM, shared by its add-ons (exception capture and coverage ask about the
     * same classes as they load), so that each class folder is listed once per worker, not once
     * per add-on; a jar's classes change only with a new worker process.
     */
    public static BuildOutput worker() {
        return WORKER;
    }

    /**
     * The class folders of the build whose output directory holds {@code jar}: {@code target/classes},
     * or {@code build/classes/<language>/main}; none for a jar outside any build's output.
     */
    public List<Path> classFolders(Path jar) {
        return classFolders.computeIfAbsent(jar, BuildOutput::findClassFolders);
    }

    /** Whether {@code internalName} ({@code com/example/Shop}), loaded from {@code jar}, is a class its build compiled. */
    public boolean compiled(Path jar, String internalName) {
        List<Path> folders = classFolders(jar);
        if (folders.isEmpty()) {
            return false;
        }
        for (Path folder : folders) {
            if (compiled.computeIfAbsent(folder, BuildOutput::classesIn).contains(internalName)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> classesIn(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(folder::relativize).map(Path::toString).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace(java.io.File.separatorChar, '/'))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }

    /**
     * The class of a jar's entry when it is one the build compiled: {@code com/example/Shop} for
     * {@code com/example/Shop.class}, and for {@code BOOT-INF/classes/com/example/Shop.class} too.
     */
    public Optional<String> compiledEntry(Path jar, String entryName) {
        if (!entryName.endsWith(".class") || entryName.startsWith("META-INF/") || entryName.endsWith("module-info.class")) {
            return Optional.empty();
        }
        String name = entryName.substring(0, entryName.length() - ".class".length());
        while (true) {
            if (compiled(jar, name)) {
                return Optional.of(name);
            }
            int slash = name.indexOf('/');
            if (slash < 0) {
                return Optional.empty();
            }
            name = name.substring(slash + 1);
        }
    }

    private static List<Path> findClassFolders(Path jar) {
        Path directory = jar.toAbsolutePath().normalize().getParent();
        for (int level = 0; level < LEVELS && directory != null; level++, directory = directory.getParent()) {
            Path name = directory.getFileName();
            Path classes = directory.resolve("classes");
            if (name == null || !Files.isDirectory(classes)) {
                continue;
            }
            if (name.toString().equals("target")) {
                return List.of(classes);
            }
            if (name.toString().equals("build")) {
                List<Path> folders = new ArrayList<>();
                for (String language : LANGUAGES) {
                    Path main = classes.resolve(language).resolve("main");
                    if (Files.isDirectory(main)) {
                        folders.add(main);
                    }
                }
                return List.copyOf(folders);
            }
        }
        return List.of();
    }

    /**
     * The jar file of a class's code source: {@code file:/a/app.jar}, {@code jar:file:/a/app.jar!/BOOT-INF/classes!/}
     * (Spring Boot before 3.2) or {@code jar:nested:/a/app.jar/!BOOT-INF/classes/!/} (its loader since); null for
     * anything else, a folder included.
     */
    public static Path jarOf(URL location) {
        String spec = location.toExternalForm();
        if (spec.startsWith("jar:")) {
            spec = spec.substring("jar:".length());
        }
        int end;
        if (spec.startsWith("nested:")) {
            spec = "file:" + spec.substring("nested:".length());
            end = spec.indexOf("/!");
        } else if (spec.startsWith("file:")) {
            end = spec.indexOf("!/");
        } else {
            return null;
        }
        String file = end < 0 ? spec : spec.substring(0, end);
        try {
            Path path = Path.of(URI.create(file)).toAbsolutePath().normalize();
            return Files.isRegularFile(path) ? path : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
