package dev.respawn.reloader.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.zip.ZipFile;

/**
 * Whether a class path declares annotation processors. javac looks for them at every compile by
 * opening each jar in a class loader of its own; a class path without any compiles with
 * {@code -proc:none} and spares every save that search.
 */
final class AnnotationProcessors {

    private static final String SERVICE = "META-INF/services/javax.annotation.processing.Processor";

    private AnnotationProcessors() {
    }

    static boolean onClassPath(Collection<Path> classPath) {
        for (Path entry : classPath) {
            if (Files.isDirectory(entry)) {
                if (Files.exists(entry.resolve(SERVICE))) {
                    return true;
                }
            } else if (Files.isRegularFile(entry)) {
                try (ZipFile jar = new ZipFile(entry.toFile())) {
                    if (jar.getEntry(SERVICE) != null) {
                        return true;
                    }
                } catch (IOException e) {
                    // Not a jar javac could read either.
                }
            }
        }
        return false;
    }
}
