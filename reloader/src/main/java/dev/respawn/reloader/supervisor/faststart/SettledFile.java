package dev.respawn.reloader.supervisor.faststart;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Waits, by polling a measure of it (its size, or its {@link ClassListProgress}), until a file
 * another process writes has stopped growing (a recording worker's class list once it has
 * started): then runs {@code settled}, once. Runs {@code gaveUp} instead when the file is still
 * missing or empty after a while.
 */
final class SettledFile implements Runnable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final LongSupplier measure;
    private final Duration settle;
    private final Duration giveUp;
    private final ScheduledExecutorService timer;
    private final Runnable settled;
    private final Runnable gaveUp;
    private final long began = System.nanoTime();
    private long size = -1;
    private long sizeSince;

    /** @param measure how far the file has got: -1 while missing, 0 while empty */
    SettledFile(LongSupplier measure, Duration settle, Duration giveUp, ScheduledExecutorService timer, Runnable settled,
            Runnable gaveUp) {
        this.measure = measure;
        this.settle = settle;
        this.giveUp = giveUp;
        this.timer = timer;
        this.settled = settled;
        this.gaveUp = gaveUp;
    }

    void start() {
        schedule();
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long current = measure.getAsLong();
        if (current != size) {
            size = current;
            sizeSince = now;
        } else if (current > 0 && now - sizeSince >= settle.toNanos()) {
            settled.run();
            return;
        }
        if (current <= 0 && now - began > giveUp.toNanos()) {
            gaveUp.run();
            return;
        }
        schedule();
    }

    private void schedule() {
        try {
            timer.schedule(this, POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The supervisor is stopping.
        }
    }
}
