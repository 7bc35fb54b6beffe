package dev.respawn.recorder.har;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Turns a journal into a HAR 1.2 file beside it ({@code <time>-<pid>.har}), entries in the order
 * they started, one entry in memory at a time; a line a kill cut short is left out and counted.
 */
public final class HarFile {

    /** What a conversion made. */
    public record Converted(Path har, int entries, int damaged) {
    }

    private record Line(long offset, int length, Instant started) {
    }

    private HarFile() {
    }

    /**
     * Writes the HAR of {@code journal} and deletes the journal. A journal with no exchange leaves
     * no HAR ({@code har} is then null).
     */
    public static Converted convert(Path journal, String creatorVersion) throws IOException {
        List<Line> lines = new ArrayList<>();
        int damaged = index(journal, lines);
        String name = journal.getFileName().toString();
        Path har = journal.resolveSibling(name.substring(0, name.length() - Journal.SUFFIX.length()) + ".har");
        if (lines.isEmpty()) {
            Files.delete(journal);
            return new Converted(null, 0, damaged);
        }
        lines.sort(Comparator.comparing(Line::started));
        Path partial = journal.resolveSibling(har.getFileName() + ".partial");
        try (FileChannel in = FileChannel.open(journal);
                Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
            out.write("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"respawn\",\"version\":\""
                    + creatorVersion + "\"},\"pages\":[],\"entries\":[\n");
            for (int i = 0; i < lines.size(); i++) {
                out.write(read(in, lines.get(i)));
                out.write(i + 1 < lines.size() ? ",\n" : "\n");
            }
            out.write("]}}\n");
        }
        Files.move(partial, har, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(journal);
        return new Converted(har, lines.size(), damaged);
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

    /** Finds each whole line's place and start time; returns how many lines were damaged. */
    private static int index(Path journal, List<Line> lines) throws IOException {
        int damaged = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(journal), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long offset = 0;
            long start = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                offset++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                Instant started = started(line.toString(StandardCharsets.UTF_8));
                if (started == null) {
                    damaged++;
                } else {
                    lines.add(new Line(start, line.size(), started));
                }
                line.reset();
                start = offset;
            }
            if (line.size() > 0) {
                damaged++;
            }
        }
        return damaged;
    }

    private static Instant started(String line) {
        try {
            JsonElement element = JsonParser.parseString(line);
            if (element.isJsonObject()) {
                JsonObject entry = element.getAsJsonObject();
                return Instant.from(HarEntry.STARTED.parse(entry.get("startedDateTime").getAsString()));
            }
        } catch (RuntimeException e) {
            // Damaged: a kill cut it short.
        }
        return null;
    }

    private static String read(FileChannel in, Line line) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(line.length());
        long position = line.offset();
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("the journal ended early");
            }
        }
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }
}
