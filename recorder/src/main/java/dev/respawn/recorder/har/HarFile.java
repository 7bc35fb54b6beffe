package dev.respawn.recorder.har;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.gson.stream.JsonWriter;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * Turns a journal into a HAR 1.2 file beside it ({@code <time>-<pid>.har}), entries in the order
 * they started, one entry in memory at a time; a record a kill cut short is left out and counted.
 */
public final class HarFile {

    /** What a conversion made. */
    public record Converted(Path har, int entries, int damaged) {
    }

    private record Record(long offset, int length, Instant started) {
    }

    private HarFile() {
    }

    /**
     * Writes the HAR of {@code journal} and deletes the journal. A journal with no exchange leaves
     * no HAR ({@code har} is then null).
     */
    public static Converted convert(Path journal, String creatorVersion) throws IOException {
        List<Record> records = new ArrayList<>();
        int damaged;
        String name = journal.getFileName().toString();
        Path har = journal.resolveSibling(name.substring(0, name.length() - Journal.SUFFIX.length()) + ".har");
        Path partial = journal.resolveSibling(har.getFileName() + ".partial");
        try (FileChannel in = FileChannel.open(journal)) {
            damaged = index(journal, in, records);
            if (records.isEmpty()) {
                in.close();
                Files.delete(journal);
                return new Converted(null, 0, damaged);
            }
            records.sort(Comparator.comparing(Record::started));
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(OwnerOnly.newFile(partial),
                    StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16)) {
                out.write("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"respawn\",\"version\":\""
                        + creatorVersion + "\"},\"pages\":[],\"entries\":[\n");
                RepeatedFields repeated = new RepeatedFields(in);
                for (int i = 0; i < records.size(); i++) {
                    Record record = records.get(i);
                    HarEntry.write(repeated.decode(read(in, record), record.offset()), new JsonWriter(out));
                    out.write(i + 1 < records.size() ? ",\n" : "\n");
                }
                out.write("]}}\n");
            } catch (IOException | RuntimeException e) {
                // A full disk: nothing half-written is left, and the journal stays for 'respawn har'.
                Files.deleteIfExists(partial);
                throw e;
            }
        }
        Files.move(partial, har, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(journal);
        return new Converted(har, records.size(), damaged);
    }

    /** Every journal in {@code directory} whose worker is no longer running. */
    public static List<Path> orphanedJournals(Path directory) throws IOException {
        List<Path> journals = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return journals;
        }
        try (var files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(Journal.SUFFIX))
                    .filter(f -> !workerAlive(f))
                    .sorted()
                    .forEach(journals::add);
        }
        return journals;
    }

    /** The journal of the worker with process id {@code pid}, if it left one. */
    public static List<Path> journalsOf(Path directory, long pid) throws IOException {
        List<Path> journals = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (var files = Files.list(directory)) {
                files.filter(f -> f.getFileName().toString().endsWith("-" + pid + Journal.SUFFIX)).forEach(journals::add);
            }
        }
        return journals;
    }

    static boolean workerAlive(Path journal) {
        String name = journal.getFileName().toString();
        String stem = name.substring(0, name.length() - Journal.SUFFIX.length());
        try {
            long pid = Long.parseLong(stem.substring(stem.lastIndexOf('-') + 1));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Finds each record's place and start time, up to the first length of 0 or the end of the file;
     * returns 1 if a record a kill interrupted lies beyond (cut short, or a journal of an earlier
     * version whose length was still 0), else 0. A file whose records
     * do not add up is not deleted as empty: it is refused.
     */
    private static int index(Path journal, FileChannel in, List<Record> records) throws IOException {
        long size = in.size();
        long offset = 0;
        ByteBuffer head = ByteBuffer.allocate(Integer.BYTES + 13);
        while (offset + head.capacity() <= size) {
            readFully(in, head.clear(), offset);
            int length = head.getInt(0);
            if (length == 0) {
                break;
            }
            if (length > 0 && offset > 0 && offset + Integer.BYTES + length > size) {
                return 1; // the last record, cut short by a kill or a full disk
            }
            try {
                if (length < 0 || offset + Integer.BYTES + length > size) {
                    throw new IllegalArgumentException("a record of " + length + " bytes at byte " + offset
                            + " of " + size);
                }
                records.add(new Record(offset + Integer.BYTES, length,
                        JournalRecord.started(head.position(Integer.BYTES))));
            } catch (IllegalArgumentException e) {
                throw new IOException(journal + " is not a journal this version of respawn can read ("
                        + e.getMessage() + ")");
            }
            offset += Integer.BYTES + length;
        }
        return anythingWritten(in, offset, size) ? 1 : 0;
    }

    private static boolean anythingWritten(FileChannel in, long from, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (long at = from; at < size; at += buffer.capacity()) {
            readFully(in, buffer.clear().limit((int) Math.min(buffer.capacity(), size - at)), at);
            for (int i = 0; i < buffer.limit(); i++) {
                if (buffer.get(i) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ByteBuffer read(FileChannel in, Record record) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(record.length());
        readFully(in, buffer, record.offset());
        return buffer.flip();
    }

    static void readFully(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, at);
            if (n < 0) {
                throw new IOException("the journal ended early");
            }
            at += n;
        }
    }
}
