package dev.respawn.recorder.har;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.reloader.output.OwnerOnly;

/**
 * The worker's recording while it lives: one HAR entry per line, appended with one write as each
 * exchange finishes, so that the operating system has it even if the JVM is killed the next moment.
 */
public final class Journal implements Consumer<RecordedExchange>, Closeable {

    /** Journals are named {@code <time>-<pid>.journal}; their HAR gets the same stem. */
    public static final String SUFFIX = ".journal";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path path;
    private final FileChannel channel;
    private int entries;
    private boolean closed;

    private Journal(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** A new journal for this worker in {@code directory} (created owner-only). */
    public static Journal create(Path directory, long pid, Clock clock) throws IOException {
        OwnerOnly.directories(directory);
        String time = TIME.format(clock.instant().atZone(ZoneId.systemDefault()));
        return new Journal(directory.resolve(time + "-" + pid + SUFFIX));
    }

    public Path path() {
        return path;
    }

    @Override
    public void accept(RecordedExchange exchange) {
        byte[] line = (Json.GSON.toJson(HarEntry.of(exchange)) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        synchronized (this) {
            if (closed) {
                return; // the worker is stopping and its HAR is written: late exchanges are dropped
            }
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                entries++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public synchronized int entries() {
        return entries;
    }

    /** Gson is loaded at the first exchange, not on the worker's start path. */
    private static final class Json {
        static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
