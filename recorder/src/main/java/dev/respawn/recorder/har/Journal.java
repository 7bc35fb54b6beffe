package dev.respawn.recorder.har;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Consumer;

import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.reloader.output.OwnerOnly;

/**
 * The worker's recording while it lives: each exchange, as it finishes, copied as a
 * {@link JournalRecord} into a memory mapping of the file. The mapping's pages belong to the
 * operating system's page cache from that moment, so a killed JVM loses nothing already
 * answered, as with a write per exchange, without the system call a write costs, nor the JSON,
 * on every request.
 *
 * <p>Each record is its length (4 bytes) and its bytes, the length written last: a record a
 * kill interrupted still reads as length 0, the end of the journal. The file grows
 * {@value #REGION} bytes at a time; {@link #close()} cuts it to the records written, and a killed
 * worker's journal ends in zero bytes instead.
 */
public final class Journal implements Consumer<RecordedExchange>, Closeable {

    /** Journals are named {@code <time>-<pid>.journal}; their HAR gets the same stem. */
    public static final String SUFFIX = ".journal";

    /** How much of the file is mapped at a time (more when one entry is larger). */
    static final int REGION = 4 << 20;

    private final Path path;
    private final FileChannel channel;
    private MappedByteBuffer region;
    private long length;
    private int entries;
    private boolean closed;

    private Journal(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
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
            try {
                int size = Integer.BYTES + record.length;
                if (region == null || region.remaining() < size) {
                    region = channel.map(FileChannel.MapMode.READ_WRITE, length, Math.max(REGION, size));
                }
                int at = region.position();
                region.position(at + Integer.BYTES);
                region.put(record);
                region.putInt(at, record.length);
                length += size;
                entries++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
        region = null;
        try {
            channel.truncate(length);
        } catch (IOException e) {
            // Where a mapped file cannot shrink (Windows), the zero bytes left read as its end.
        } finally {
            channel.close();
        }
    }
}
