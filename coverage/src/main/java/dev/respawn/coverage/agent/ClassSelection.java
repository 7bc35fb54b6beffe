package dev.respawn.coverage.agent;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.respawn.coverage.ClassPatterns;
import dev.respawn.reloader.tracking.BuildOutput;

/**
 * Which classes get coverage: by default those loaded from a class folder (the application being
 * developed, not its libraries), and those a jar in the project's build output holds of the classes
 * the build compiled ({@link BuildOutput}: Quarkus's {@code app/*.jar}, Spring Boot's
 * {@code BOOT-INF/classes}); with {@code --coverage-includes} those the patterns name, from
 * anywhere; never those {@code --coverage-excludes} names, nor respawn's own, nor another agent's.
 *
 * <p>On the class-loading path: one map look-up per class for its code source.
 */
final class ClassSelection {

    /** respawn's private libraries and JaCoCo agents' runtimes, whatever the patterns say. */
    private static final String[] NEVER = {"dev/respawn/shaded/",
        ForeignJacocoAgent.API_PACKAGE.replace('.', '/') + "/", "java/", "javax/", "jdk/", "sun/", "com/sun/"};
    private static final Path NO_ROOT = Path.of("");

    private final ClassPatterns.Matcher patterns;
    private final Path ownJar;
    private final ConcurrentHashMap<URL, Path> roots = new ConcurrentHashMap<>();
    /** Jars of a build's output taken by default: only the classes that build compiled, not all. */
    private final Set<Path> buildJars = ConcurrentHashMap.newKeySet();
    private final BuildOutput builds = BuildOutput.worker();

    ClassSelection(ClassPatterns patterns, Path ownJar) {
        this.patterns = patterns.matcher();
        this.ownJar = ownJar;
    }

    /** The class folder or jar to instrument {@code internalName} from, or null to leave it alone. */
    Path select(ClassLoader loader, String internalName, ProtectionDomain domain) {
        if (loader == null || internalName == null || domain == null) {
            return null;
        }
        CodeSource source = domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return null;
        }
        Path root = roots.computeIfAbsent(location, this::rootOf);
        if (root == NO_ROOT) {
            return null;
        }
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return null;
            }
        }
        if (!patterns.test(internalName)) {
            return null;
        }
        return !buildJars.contains(root) || builds.compiled(root, internalName) ? root : null;
    }

    private Path rootOf(URL location) {
        Path path = pathOf(location);
        if (path == null || path.equals(ownJar)) {
            return NO_ROOT;
        }
        boolean directory = Files.isDirectory(path);
        if (!patterns.hasIncludes() && !directory) {
            if (!Files.isRegularFile(path) || builds.classFolders(path).isEmpty()) {
                return NO_ROOT;
            }
            buildJars.add(path);
            return path;
        }
        return directory || Files.isRegularFile(path) ? path : NO_ROOT;
    }

    static Path pathOf(URL location) {
        try {
            if (location.getProtocol().equals("file")) {
                return Path.of(location.toURI()).toAbsolutePath().normalize();
            }
            if (location.getProtocol().equals("jar")) {
                return BuildOutput.jarOf(location);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
