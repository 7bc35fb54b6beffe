package dev.respawn.reloader.supervisor;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits, after a new worker listens, until it has answered what came first and gone quiet: its
 * CPU time (Linux's schedstat) grew by less than a tenth of a core over the last 100 ms, or 3 s
 * passed. A worker that listens has often not answered yet (the first request loads and
 * compiles the application's handlers, and in debug mode the add-ons' hooks), and the
 * supervisor's own work after a restart (the next warm JVM's start, the ended life's flame graph
 * and HAR) would take the cores that answer needs on a small machine.
 */
final class QuietWorker {

    private static final Duration WINDOW = Duration.ofMillis(100);
    private static final Duration QUIET = WINDOW.dividedBy(10);
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private QuietWorker() {
    }

    /** Returns once {@code worker} is quiet, has ended, or {@link #PATIENCE} passed; at once where there is no schedstat. */
    static void await(Worker worker) {
        await(worker::isAlive, () -> ProcessCpu.of(worker.pid()), PATIENCE);
    }

    /**
     * Returns true once {@code cpu} grew by less than {@link #QUIET} over a {@link #WINDOW}, false
     * when {@code alive} turned false or {@code patience} passed first; true at once when
     * {@code cpu} reads zero (no schedstat to read).
     */
    static boolean await(BooleanSupplier alive, Supplier<Duration> cpu, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        Duration before = cpu.get();
        if (before.isZero()) {
            return true;
        }
        while (alive.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(WINDOW.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            Duration now = cpu.get();
            if (now.minus(before).compareTo(QUIET) < 0) {
                return true;
            }
            before = now;
        }
        return false;
    }
}
