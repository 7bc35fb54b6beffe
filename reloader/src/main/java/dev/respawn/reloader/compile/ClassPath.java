package dev.respawn.reloader.compile;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JVM's class path as the absolute paths a compile of its sources is given. */
public final class ClassPath {

    private ClassPath() {
    }

    /** The entries of {@code classPath} ({@code java.class.path}'s syntax), made absolute. */
    public static List<Path> entries(String classPath) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                try {
                    entries.add(Path.of(entry).toAbsolutePath().normalize());
                } catch (RuntimeException e) {
                    // Not a path of this file system: nothing to compile against.
                }
            }
        }
        return entries;
    }
}
