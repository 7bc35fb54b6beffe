package dev.respawn.recorder.har;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Consumer;

import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.reloader.output.OwnerOnly;

/**
 * The worker's recording while it lives: each exchange, as it finishes, appended as a
 * {@link JournalRecord} with one positional write. The bytes belong to the operating system's
 * page cache from that moment, so a killed JVM loses nothing already answered.
 *
 * <p>Not a memory mapping: a mapped page the disk has no room for faults inside whatever thread
 * touches it (an {@code InternalError} in the server's dispatcher), where a write fails with an
 * {@code IOException} that the recorder turns into one line while the application goes on. A
 * record that did not fit is cut off again, so the journal ends with whole records.
 *
 * <p>Each record is its length (4 bytes) and its bytes. {@link #close()} cuts the file to the
 * records written.
 */
public final class Journal implements Consumer<RecordedExchange>, Closeable {

    /** Journals are named {@code <time>-<pid>.journal}; their HAR gets the same stem. */
    public static final String SUFFIX = ".journal";

    private final Path path;
    private final FileChannel channel;
    private long length;
    private int entries;
    private boolean closed;

    private Journal(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE), OwnerOnly.fileAttributes());
    }

    /**
     * A new journal for this worker in {@code directory} (created owner-only):
     * {@code <time>-<pid>.journal}, or {@code <time>-<n>-<pid>.journal} for the next life of the
     * application begun in the same second (a restart inside the JVM). The pid stays last: it is
     * how a journal is known to be its worker's.
     */
    public static Journal create(Path directory, long pid, Clock clock) throws IOException {
        OwnerOnly.directories(directory);
        LocalDateTime time = LocalDateTime.ofInstant(clock.instant(), ZoneId.systemDefault());
        for (int n = 1; ; n++) {
            String stem = OwnerOnly.lifeStem(time, pid, n);
            if (!Files.exists(directory.resolve(stem + SUFFIX)) && !Files.exists(directory.resolve(stem + ".har"))) {
                try {
                    return new Journal(directory.resolve(stem + SUFFIX));
                } catch (FileAlreadyExistsException taken) {
                    // Taken since we looked: try the next.
                }
            }
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void accept(RecordedExchange exchange) {
        byte[] record = JournalRecord.encode(exchange);
        synchronized (this) {
            if (closed) {
                return; // the worker is stopping and its HAR is written: late exchanges are dropped
            }
            int size = Integer.BYTES + record.length;
            ByteBuffer buffer = ByteBuffer.allocate(size).putInt(record.length).put(record).flip();
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer, length + buffer.position());
                }
                length += size;
                entries++;
            } catch (IOException e) {
                // A full disk: cut the record that did not fit, so the journal ends with whole records.
                try {
                    channel.truncate(length);
                } catch (IOException ignored) {
                    // What was written reads as a record a kill interrupted, and is counted as damaged.
                }
                throw new UncheckedIOException("could not write to " + path + " (" + e.getMessage() + ")", e);
            }
        }
    }

    public synchronized int entries() {
        return entries;
    }

    /** Cuts the file to the entries written; nothing is written after. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.truncate(length);
        } catch (IOException e) {
            // Where a mapped file cannot shrink (Windows), the zero bytes left read as its end.
        } finally {
            channel.close();
        }
    }
}
