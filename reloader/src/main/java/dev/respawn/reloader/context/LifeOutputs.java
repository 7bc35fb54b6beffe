package dev.respawn.reloader.context;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the files of a life that ended inside the JVM (its HAR, its flame graph) on one background
 * thread, and only once the next life is up: on two cores a writer started as the restart begins
 * takes the core the next life's start needs. The JVM's exit waits for whatever is still to write,
 * so a life's files are never lost to a stop right after a restart.
 */
public final class LifeOutputs {

    private final Deque<Runnable> pending = new ArrayDeque<>();
    private long holds;
    private boolean held;
    private boolean draining;
    private int writing;
    private Thread writer;

    /**
     * Holds back writing while a restart replaces the life: what is handed over meanwhile waits
     * for {@link #release(long)} with the number returned.
     */
    public synchronized long hold() {
        held = true;
        return ++holds;
    }

    /** The next life is up: writes what waits, unless a later restart holds again. */
    public synchronized void release(long hold) {
        if (hold == holds) {
            held = false;
            notifyAll();
        }
    }

    /** Writes {@code write} on the writer thread, in turn, once no restart holds it back. */
    public synchronized void write(Runnable write) {
        pending.add(write);
        if (writer == null) {
            writer = new Thread(this::writeInTurn, "respawn-life-outputs");
            writer.setDaemon(true);
            writer.start();
        }
        notifyAll();
    }

    /**
     * Writes everything handed over so far, holds or not, as the JVM ends, on the calling thread
     * too; then waits for what the writer thread is still writing.
     *
     * @return false when {@code patience} ran out first
     */
    public boolean awaitWritten(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (this) {
            draining = true;
            notifyAll();
        }
        // The caller (a shutdown hook) writes too, beside the writer thread: the JVM's exit has
        // only the supervisor's shutdown timeout for what is left.
        for (Runnable next = take(); next != null; next = take()) {
            runCounted(next);
        }
        synchronized (this) {
            while (writing > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return pending.isEmpty();
        }
    }

    private synchronized Runnable take() {
        Runnable next = pending.poll();
        if (next != null) {
            writing++;
        }
        return next;
    }

    private void writeInTurn() {
        while (true) {
            Runnable next;
            synchronized (this) {
                while (pending.isEmpty() || (held && !draining)) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                next = take();
            }
            runCounted(next);
        }
    }

    private void runCounted(Runnable next) {
        try {
            next.run();
        } catch (RuntimeException | LinkageError e) {
            // One add-on's file; it says so itself where it can, and the others are still written.
        } finally {
            synchronized (this) {
                writing--;
                notifyAll();
            }
        }
    }
}
