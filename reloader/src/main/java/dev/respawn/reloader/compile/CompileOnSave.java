package dev.respawn.reloader.compile;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.output.OwnerOnly;
import dev.respawn.reloader.tracking.SourceLocator;

/**
 * {@code --compile-on-save} for any build: as workers report their class folders and class path,
 * watches each class folder's Java sources ({@code --source-path}, or guessed from the folder's
 * layout) and compiles a saved one against that worker's class path into that class folder.
 */
public final class CompileOnSave implements Closeable {

    private final SourceSync sync;
    private final List<Path> sourcePath;
    private final PrintStream err;
    /** Each class folder a worker had on its class path, and that whole class path. */
    private final Map<Path, List<Path>> classPaths = new ConcurrentHashMap<>();
    /** Every folder and jar workers loaded from: the class path of a folder on no reported one. */
    private final Set<Path> roots = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warmedUp = new AtomicBoolean();
    /** For each class path, whether it declares annotation processors (looked for once). */
    private final Map<String, Boolean> processors = new ConcurrentHashMap<>();

    private CompileOnSave(SourceSync sync, List<Path> sourcePath, PrintStream err) {
        this.sync = sync;
        this.sourcePath = sourcePath.stream().map(path -> path.toAbsolutePath().normalize()).toList();
        this.err = err;
    }

    /** Starts compiling on save, or says why it cannot (a JRE has no javac) and returns empty. */
    public static Optional<CompileOnSave> start(Options options, PrintStream err) {
        Path scratch;
        try {
            scratch = OwnerOnly.directories(options.debugDirectory()).resolve("compile");
        } catch (IOException e) {
            err.println("respawn: --compile-on-save needs a folder of its own under " + options.debugDirectory()
                    + " (" + e.getMessage() + "); saved sources are not compiled");
            return Optional.empty();
        }
        SourceCompiler compiler = new SourceCompiler(scratch, err);
        if (!compiler.available()) {
            err.println("respawn: --compile-on-save needs javac, and " + System.getProperty("java.home")
                    + " is a Java runtime without it; run respawn with a JDK's java");
            return Optional.empty();
        }
        return Optional.of(new CompileOnSave(new SourceSync(compiler, options.poll(), err), options.sourcePath(), err));
    }

    /** A worker's class path (its {@code java.class.path}, absolute): what its sources compile against. */
    public void classPath(List<Path> entries) {
        List<Path> copy = List.copyOf(entries);
        for (Path entry : copy) {
            if (Files.isDirectory(entry)) {
                classPaths.put(entry, copy);
            }
        }
    }

    /** A folder or jar a worker loads classes from; a folder's sources are compiled from now on. */
    public void root(Path root, boolean directory) {
        roots.add(root);
        if (!directory) {
            return;
        }
        List<Path> sourceRoots = sourcePath.isEmpty()
                ? SourceLocator.javaRoot(root).stream().toList()
                : sourcePath.stream().filter(Files::isDirectory).toList();
        for (Path sourceRoot : sourceRoots) {
            if (sync.sources(sourceRoot, root, () -> javacOptions(root))) {
                err.println("respawn: compiling saved sources of " + shown(sourceRoot) + " into " + shown(root));
                if (!warmedUp.getAndSet(true)) {
                    sync.warmUp();
                }
            }
        }
    }

    /**
     * What {@code mvn compile} would mostly pass, with the release of the classes already there,
     * then what the user told javac in {@code JDK_JAVAC_OPTIONS}.
     */
    List<String> javacOptions(Path classFolder) {
        return javacOptions(classFolder, ToldOptions.parse(System.getenv(ToldOptions.VARIABLE)));
    }

    List<String> javacOptions(Path classFolder, List<String> told) {
        List<String> options = new ArrayList<>(List.of("-g", "-parameters", "-implicit:none", "-nowarn",
                "-encoding", "UTF-8"));
        Set<Path> classPath = new LinkedHashSet<>();
        classPath.add(classFolder);
        classPath.addAll(classPaths.getOrDefault(classFolder, List.copyOf(roots)));
        String joined = String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
        options.add("-classpath");
        options.add(joined);
        if (!processors.computeIfAbsent(joined, key -> AnnotationProcessors.onClassPath(classPath))) {
            options.add("-proc:none");
        }
        if (!ToldOptions.setRelease(told)) {
            options.addAll(ReleaseLevel.options(classFolder, null));
        }
        options.addAll(told);
        return options;
    }

    private static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) && !path.equals(here) ? here.relativize(path).toString() : path.toString();
    }

    @Override
    public void close() {
        sync.close();
    }
}
