package dev.respawn.recorder.har;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
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
 * {@link JournalRecord}. The bytes belong to the operating system's page cache from that moment,
 * so a killed JVM loses nothing already answered.
 *
 * <p>Appends are copies into a memory mapping of space the file already holds: the file grows
 * {@value #REGION} bytes at a time by writing zeros, which reserves the disk space (or fails with
 * an {@code IOException} on a full disk), and only then is that space mapped. A request so costs a
 * copy, not a system call. A mapped page the disk had no room for would fault inside whatever
 * thread touches it (an {@code InternalError} in the server's dispatcher); reserved pages have
 * their room. Where the space cannot be reserved, appends go on as positional writes, which fail
 * with an {@code IOException} that the recorder turns into one line while the application goes on;
 * a record that did not fit is cut off again, so the journal ends with whole records.
 *
 * <p>Each record is its length (4 bytes) and its bytes, the length written last: a record a kill
 * interrupted reads as length 0, the end of the journal, as do the zeros reserved after it.
 * {@link #close()} cuts the file to the records written.
 */
public final class Journal implements Consumer<RecordedExchange>, Closeable {

    /** Journals are named {@code <time>-<pid>.journal}; their HAR gets the same stem. */
    public static final String SUFFIX = ".journal";

    /** How much the file grows at a time (more when one record is larger). */
    static final int REGION = 1 << 20;

    /** Each thread's encoder, with its buffer reused and the fields its next records may repeat (see {@link RecordWriter}). */
    private static final ThreadLocal<RecordWriter> WRITERS = ThreadLocal.withInitial(RecordWriter::new);

    /** How far the next region begins before the current one ends: more than most records. */
    static final int OVERLAP = 64 << 10;

    /** The name of the last second's first life, and the n of its last: see {@link #firstFree}. */
    private static Path lastFirst;
    private static int lastN;

    private final Path path;
    private final FileChannel channel;
    /** The mapped part of the file, from {@link #regionStart}; null before the first record or when unmapped. */
    private MappedByteBuffer region;
    private long regionStart;
    /** The region after it, being made ready on another thread (see {@link NextRegion}), or null. */
    private NextRegion next;
    /** Space could not be reserved (a full disk): records are written, not mapped, from then on. */
    private boolean unmapped;
    /** How far the file holds zeros reserved for records. */
    private long reserved;
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
        for (int n = firstFree(directory.resolve(OwnerOnly.lifeStem(time, pid, 1))); ; n++) {
            String stem = OwnerOnly.lifeStem(time, pid, n);
            if (!Files.exists(directory.resolve(stem + SUFFIX)) && !Files.exists(directory.resolve(stem + ".har"))) {
                try {
                    Journal journal = new Journal(directory.resolve(stem + SUFFIX));
                    taken(directory.resolve(OwnerOnly.lifeStem(time, pid, 1)), n);
                    return journal;
                } catch (FileAlreadyExistsException taken) {
                    // Taken since we looked: try the next.
                }
            }
        }
    }

    /**
     * Where to begin looking for a free name for a life begun in the second and directory of
     * {@code first}: past the last one given. A life's HAR that was pruned (keep-lives) frees its
     * name, and a later life of the same second must not take it, or it would sort before the lives it followed.
     */
    private static synchronized int firstFree(Path first) {
        return first.equals(lastFirst) ? lastN + 1 : 1;
    }

    private static synchronized void taken(Path first, int n) {
        if (!first.equals(lastFirst) || n > lastN) {
            lastFirst = first;
            lastN = n;
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public void accept(RecordedExchange exchange) {
        RecordWriter writer = WRITERS.get();
        int repeats = writer.repeats(exchange, this);
        RecordBuffer buffer = writer.encode(exchange, repeats);
        long position = -1;
        try {
            position = append(buffer.bytes(), buffer.length());
        } finally {
            writer.written(exchange, repeats, this, position);
        }
    }

    /** Appends a record; returns where its bytes begin in the file (after its length), or -1 if it was not written. */
    private synchronized long append(byte[] record, int recordLength) {
        if (closed) {
            return -1; // the worker is stopping and its HAR is written: late exchanges are dropped
        }
        long position = length + Integer.BYTES;
        int size = Integer.BYTES + recordLength;
        if (!unmapped && room(size)) {
            int at = (int) (length - regionStart);
            region.put(at + Integer.BYTES, record, 0, recordLength);
            region.putInt(at, recordLength);
        } else {
            write(record, recordLength, size);
        }
        length += size;
        entries++;
        return position;
    }

    /** Whether the mapped region holds {@code size} more bytes, moving on to the next region if not. */
    private boolean room(int size) {
        long regionEnd = region == null ? 0 : regionStart + region.capacity();
        if (length + size <= regionEnd) {
            if (next == null && regionEnd - length < region.capacity() / 2) {
                // Half full: the next region is made ready meanwhile, overlapping this one's end
                // so that a record that does not fit here begins in it.
                long start = Math.max(regionStart, regionEnd - OVERLAP);
                next = NextRegion.prepare(channel, reserved, start, regionEnd, start + REGION);
            }
            return true;
        }
        NextRegion prepared = next;
        next = null;
        if (prepared != null) {
            MappedByteBuffer ready = prepared.ready();
            if (ready == null && prepared.await()) {
                ready = prepared.ready(); // this thread caught up with the preparing one
            }
            if (ready != null) {
                reserved = Math.max(reserved, prepared.end);
                if (length >= prepared.start && length + size <= prepared.end) {
                    region = ready;
                    regionStart = prepared.start;
                    return true;
                }
            }
        }
        return mapNow(size);
    }

    /** Reserves and maps a region from the journal's end, on this thread: the first, or one larger than usual. */
    private boolean mapNow(int size) {
        long end = length + Math.max(REGION, size);
        try {
            NextRegion.reserve(channel, reserved, end);
            reserved = Math.max(reserved, end);
            region = channel.map(FileChannel.MapMode.READ_WRITE, length, end - length);
            regionStart = length;
            return true;
        } catch (IOException | RuntimeException e) {
            // No room for a region: give back what was reserved, and write records one by one.
            unmapped = true;
            region = null;
            try {
                channel.truncate(length);
            } catch (IOException ignored) {
                // The zeros left read as the journal's end.
            }
            return false;
        }
    }

    private void write(byte[] record, int recordLength, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(size).putInt(recordLength).put(record, 0, recordLength).flip();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, length + buffer.position());
            }
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

    public synchronized int entries() {
        return entries;
    }

    /** Cuts the file to the entries written; nothing is written after. */
    @Override
    public void close() throws IOException {
        NextRegion preparing;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            preparing = next;
            next = null;
        }
        if (preparing != null) {
            preparing.await(); // its zeros are written before the file is cut
        }
        synchronized (this) {
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
}
