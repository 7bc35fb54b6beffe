package dev.respawn.coverage.agent;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.concurrent.ConcurrentHashMap;

import dev.respawn.coverage.ClassPatterns;

/**
 * Which classes get coverage: by default those loaded from a class folder (the application being
 * developed, not its libraries); with {@code --coverage-includes} those the patterns name, from
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
        return patterns.test(internalName) ? root : null;
    }

    private Path rootOf(URL location) {
        Path path = pathOf(location);
        if (path == null || path.equals(ownJar)) {
            return NO_ROOT;
        }
        boolean directory = Files.isDirectory(path);
        if (!patterns.hasIncludes() && !directory) {
            return NO_ROOT;
        }
        return directory || Files.isRegularFile(path) ? path : NO_ROOT;
    }

    static Path pathOf(URL location) {
        try {
            if (location.getProtocol().equals("file")) {
                return Path.of(location.toURI()).toAbsolutePath().normalize();
            }
            if (location.getProtocol().equals("jar")) {
                String spec = location.getFile();
                int bang = spec.indexOf("!/");
                return pathOf(new URL(bang < 0 ? spec : spec.substring(0, bang)));
            }
        } catch (URISyntaxException | java.io.IOException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
