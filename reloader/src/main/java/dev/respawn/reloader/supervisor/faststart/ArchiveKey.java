package dev.respawn.reloader.supervisor.faststart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a class-data-sharing archive was made from, as a short hash that names its files: the
 * JDK (its home, release file and class image) and the jars (paths, sizes, modification times),
 * plus the options that decide whether an archive fits (heap size, GC). A changed dependency or
 * JDK gives a new key, so a stale archive is never offered to a worker.
 */
record ArchiveKey(String value) {

    // Bumped when what respawn puts in an archive changes.
    private static final String FORMAT = "respawn-class-data-sharing 1";

    static ArchiveKey of(WorkerJvm jvm, List<Path> jars, List<String> archiveOptions) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append(jvm.home()).append('\n').append(jvm.release()).append('\n');
        text.append(stamp(jvm.modules())).append('\n');
        jars.forEach(jar -> text.append(stamp(jar)).append('\n'));
        archiveOptions.forEach(option -> text.append(option).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new ArchiveKey(HexFormat.of().formatHex(digest, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return file.toAbsolutePath() + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return file.toAbsolutePath() + " missing";
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
