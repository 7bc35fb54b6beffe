package dev.respawn.reloader.supervisor.faststart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK a worker's {@code java} belongs to, read from its {@code release} file without
 * starting it: where it lives, its version, and whether it is HotSpot.
 *
 * @param home the JDK's directory (the real path, links resolved)
 * @param release the {@code release} file's text, which names the build exactly
 * @param feature the feature version (17, 25)
 * @param hotSpot false when the release file names another virtual machine (OpenJ9)
 */
record WorkerJvm(Path home, String release, int feature, boolean hotSpot) {

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(?:1\\.)?(\\d+)");
    private static final Pattern VARIANT = Pattern.compile("(?m)^JVM_VARIANT=\"?(\\w+)");

    /** The java launcher of this JDK. */
    Path java() {
        return home.resolve("bin").resolve(File.separatorChar == '\\' ? "java.exe" : "java");
    }

    /** The JDK's class image; an archive is only valid with the one it was made from. */
    Path modules() {
        return home.resolve("lib").resolve("modules");
    }

    /**
     * Finds the JDK of {@code executable}: a path (relative to {@code directory}, where the
     * worker runs) or a bare name looked up on {@code searchPath}; empty when it has no
     * readable release file.
     */
    static Optional<WorkerJvm> of(String executable, Path directory, String searchPath) {
        Optional<Path> launcher = executable.contains("/") || executable.contains(File.separator)
                ? Optional.of(directory.resolve(executable))
                : onPath(executable, searchPath);
        return launcher.flatMap(WorkerJvm::fromLauncher);
    }

    private static Optional<Path> onPath(String name, String searchPath) {
        if (searchPath == null) {
            return Optional.empty();
        }
        for (String entry : searchPath.split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry).resolve(name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Optional<WorkerJvm> fromLauncher(Path launcher) {
        try {
            Path bin = launcher.toRealPath().getParent();
            Path home = bin == null ? null : bin.getParent();
            if (home == null || !Files.isRegularFile(home.resolve("release"))) {
                return Optional.empty();
            }
            String release = Files.readString(home.resolve("release"));
            Matcher version = VERSION.matcher(release);
            if (!version.find()) {
                return Optional.empty();
            }
            Matcher variant = VARIANT.matcher(release);
            boolean hotSpot = !variant.find() || variant.group(1).toLowerCase(Locale.ROOT).equals("hotspot");
            return Optional.of(new WorkerJvm(home, release, Integer.parseInt(version.group(1)), hotSpot));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
