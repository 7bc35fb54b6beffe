package dev.respawn.reloader.changes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Gathers a burst of changes and hands them over once no change has come for the quiet period.
 * The receiver may decline the batch (the class tree is incomplete): the changes are kept and
 * offered again at the recheck interval, or at once after the next change's quiet period.
 *
 * <p>Every method runs on the one thread of the given executor, so no state here is shared.
 */
final class QuietPeriod {

    private final ScheduledExecutorService executor;
    private final Duration quiet;
    private final Duration recheck;
    private final Predicate<List<Path>> settled;
    private final Set<Path> pending = new LinkedHashSet<>();
    private ScheduledFuture<?> timer;

    /**
     * @param settled given the batch; returns false to keep it for later
     */
    QuietPeriod(ScheduledExecutorService executor, Duration quiet, Duration recheck, Predicate<List<Path>> settled) {
        this.executor = executor;
        this.quiet = quiet;
        this.recheck = recheck;
        this.settled = settled;
    }

    void changed(Path path) {
        pending.add(path);
        schedule(quiet);
    }

    /** Offers the kept changes again after the quiet period: what held them is over. */
    void again() {
        if (!pending.isEmpty()) {
            schedule(quiet);
        }
    }

    private void schedule(Duration delay) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = executor.schedule(this::settle, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void settle() {
        timer = null;
        List<Path> batch = List.copyOf(pending);
        if (settled.test(batch)) {
            pending.removeAll(batch);
        } else {
            schedule(recheck);
        }
    }
}
