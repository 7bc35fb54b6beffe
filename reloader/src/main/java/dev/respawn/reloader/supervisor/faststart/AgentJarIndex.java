package dev.respawn.reloader.supervisor.faststart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * respawn.jar's {@link JarIndex}, kept in the archives' folder under a name made from the jar's
 * path, size and modification time. Reading the jar's several thousand names on every worker
 * launch took 40 to 60 ms of the supervisor's CPU on the launch's path, before the worker's JVM
 * was even started; a changed jar gets a new file, and the old one is deleted.
 */
final class AgentJarIndex {

    private static final String PREFIX = "respawn-jar-";
    private static final String SUFFIX = ".names";

    private AgentJarIndex() {
    }

    /** The index of {@code jar}: read from {@code directory} when kept there, else made and kept. */
    static JarIndex of(Path jar, Path directory) {
        Path kept;
        try {
            kept = directory.resolve(PREFIX + stamp(jar) + SUFFIX);
        } catch (IOException e) {
            return JarIndex.of(List.of(jar));
        }
        if (Files.isRegularFile(kept)) {
            try {
                return JarIndex.load(kept);
            } catch (IOException e) {
                // Cut short or damaged: made again below.
            }
        }
        JarIndex index = JarIndex.of(List.of(jar));
        try {
            OwnerOnly.directories(directory);
            forgetOthers(directory);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            index.save(bytes);
            OwnerOnly.write(kept, bytes.toByteArray());
        } catch (IOException e) {
            // Made again by the next supervisor.
        }
        return index;
    }

    private static String stamp(Path jar) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        long hash = 17;
        for (long part : new long[] {jar.toAbsolutePath().normalize().toString().hashCode(), attributes.size(),
                attributes.lastModifiedTime().toMillis()}) {
            hash = hash * 1_000_003L + part;
        }
        return Long.toHexString(hash);
    }

    private static void forgetOthers(Path directory) throws IOException {
        try (DirectoryStream<Path> others = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path other : others) {
                Files.deleteIfExists(other);
            }
        }
    }
}
