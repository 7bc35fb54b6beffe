package dev.respawn.recorder.har;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The journal's next mapped region, made ready on a thread of its own while records still go into
 * the current one: its space reserved (zeros written), mapped, and its pages touched, so that the
 * server's thread that appends a record finds it there, where it used to write a megabyte of zeros,
 * map it and then fault its pages in one by one, inside requests. Records are still copied into
 * the mapping before their response goes out: a kill loses no answered exchange.
 */
final class NextRegion {

    private static final int PAGE = 4096;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10).asReadOnlyBuffer();

    /** One daemon thread for every journal of the JVM, gone when idle. */
    private static final ThreadPoolExecutor PREPARING = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "respawn-recorder-journal");
                thread.setDaemon(true);
                return thread;
            });

    static {
        PREPARING.allowCoreThreadTimeOut(true);
    }

    /** Where the region begins in the file, and where it ends. */
    final long start;
    final long end;
    private final Future<MappedByteBuffer> mapped;

    private NextRegion(long start, long end, Future<MappedByteBuffer> mapped) {
        this.start = start;
        this.end = end;
        this.mapped = mapped;
    }

    /**
     * Begins to make {@code [start, end)} of the file ready: zeros written from {@code reservedTo}
     * (where the file's reserved space ends) to {@code end}, the range mapped, and its pages from
     * {@code untouched} on written once. Pages before {@code untouched} are the current region's,
     * where records may be written meanwhile, and are left alone.
     */
    static NextRegion prepare(FileChannel channel, long reservedTo, long start, long untouched, long end) {
        return new NextRegion(start, end, PREPARING.submit(() -> {
            reserve(channel, reservedTo, end);
            MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_WRITE, start, end - start);
            for (long at = untouched - start; at < end - start; at += PAGE) {
                region.put((int) at, (byte) 0); // faults the page in here, not in a request
            }
            return region;
        }));
    }

    /** Writes zeros over {@code [from, to)} of the file, which reserves the disk space. */
    static void reserve(FileChannel channel, long from, long to) throws IOException {
        for (long reserved = from; reserved < to; ) {
            ByteBuffer zeros = ZEROS.duplicate();
            zeros.limit((int) Math.min(zeros.capacity(), to - reserved));
            reserved += channel.write(zeros, reserved);
        }
    }

    /** The region if it is ready, else null (still being made, or it failed: a full disk). */
    MappedByteBuffer ready() {
        if (!mapped.isDone()) {
            return null;
        }
        try {
            return mapped.get();
        } catch (ExecutionException | InterruptedException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits until nothing more is written to the file for this region; true if it is ready. Not
     * bounded, nor ended by an interrupt: its pages are touched with writes, and no record may go
     * there before they are done. The work is bounded (a region's zeros), as a write would be.
     */
    boolean await() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    mapped.get();
                    return true;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | RuntimeException e) {
                    return false;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
