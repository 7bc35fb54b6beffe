package dev.respawn.reloader.supervisor.faststart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * How far a recording worker's class list ({@code -XX:DumpLoadedClassList}) has got, counted in
 * the entries a static archive can hold: read as it grows, from where it was last read.
 *
 * <p>A worker that restarts its application inside the JVM loads the application's classes again
 * in each life's class loader, and the JVM lists them again under new ids, with their
 * {@code source:}: the file grows with every life, but no such line can be archived (classes of
 * class folders never are, and each names the ids of classes it extends, which a dump must have
 * loaded first). Counting distinct archivable entries, the list settles once the JDK's and the
 * jars' classes are all in, however often the application restarts.
 */
final class ClassListProgress {

    private static final String SOURCE = " source: ";

    private final Path file;
    private final Set<String> entries = new HashSet<>();
    private long offset;
    private byte[] rest = new byte[0];

    ClassListProgress(Path file) {
        this.file = file;
    }

    /** Whether a line of a class list can go into a static archive made from the JDK and the jars. */
    static boolean archivable(String line) {
        return !line.isBlank() && !line.contains(SOURCE);
    }

    /** The distinct archivable entries so far, or -1 while the file does not exist. */
    synchronized long entries() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < offset) {
                // Written anew: count again.
                offset = 0;
                rest = new byte[0];
                entries.clear();
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, size - offset + rest.length));
            buffer.put(rest);
            channel.position(offset);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // Reads what is there now.
            }
            offset = channel.position();
            byte[] bytes = buffer.array();
            int length = buffer.position();
            int start = 0;
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            rest = java.util.Arrays.copyOfRange(bytes, start, length);
            return entries.size();
        } catch (NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private void add(String line) {
        if (line.startsWith("#") || !archivable(line)) {
            return;
        }
        // "name id: N": the same class listed again (by another life) is the same entry.
        entries.add(line.startsWith("@") ? line : line.split(" ", 2)[0]);
    }
}
