package dev.respawn.reloader.changes;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import dev.respawn.reloader.builds.RunningBuild;

/**
 * Holds a settled burst while a build of the application's project runs, so that one build gives
 * one reload: {@code mvn compile} in another terminal writes build-info and resources first, and
 * class files seconds later, further apart than any quiet period. The processes are scanned once
 * per burst, from its first change on, on a thread of its own, so that the scan (some 10 to 50 ms
 * for a hundred processes) overlaps the quiet period instead of adding to every reload; then only
 * the build found is watched until it ends.
 *
 * <p>Used on the change monitor's one thread.
 */
final class BuildWait {

    /** How long a burst waits for one build at most, as for missing class files. */
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /**
     * How long a build may write nothing the application loads before the burst goes ahead anyway:
     * {@code mvn package} or {@code verify} runs tests long after the class files are written.
     */
    static final Duration SILENCE = Duration.ofSeconds(10);

    private final BiFunction<Collection<Path>, Set<Long>, Optional<RunningBuild>> finder;
    private final Consumer<String> say;
    private final Runnable ended;
    /** Builds waited for as long as allowed: later bursts of the same build do not wait again. */
    private final Set<Long> waitedFor = new HashSet<>();
    private RunningBuild held;
    private long heldSince;
    /** The scan begun at the burst's first change. */
    private CompletableFuture<Optional<RunningBuild>> scan;

    /**
     * @param finder given the application's folders and the builds not to report again, a build of
     *     them (RunningBuilds::building)
     * @param ended called, on any thread, when the build held for ends
     */
    BuildWait(BiFunction<Collection<Path>, Set<Long>, Optional<RunningBuild>> finder, Consumer<String> say,
            Runnable ended) {
        this.finder = finder;
        this.say = say;
        this.ended = ended;
    }

    /** A change of the burst came: the scan for a build begins, unless it has already, or a build is held. */
    void changed(Collection<Path> folders) {
        if (scan == null && held == null) {
            Set<Long> ignored = Set.copyOf(waitedFor);
            scan = CompletableFuture.supplyAsync(() -> finder.apply(folders, ignored), BuildWait::scanThread);
        }
    }

    /**
     * Whether the burst must wait for a build.
     *
     * @param folders the application's class folders and watched paths
     * @param lastChange {@link System#nanoTime()} of the burst's latest change
     * @param now {@link System#nanoTime()}
     */
    boolean holds(Collection<Path> folders, long lastChange, long now) {
        if (held != null && held.process().isAlive()) {
            if (now - heldSince >= PATIENCE.toNanos()) {
                say.accept(held.describe() + " still runs after " + PATIENCE.toSeconds() + " s; reloading anyway");
                return giveUp();
            }
            if (now - lastChange >= SILENCE.toNanos()) {
                say.accept(held.describe() + " has written nothing for " + SILENCE.toSeconds()
                        + " s (running tests?); reloading without waiting for its end");
                return giveUp();
            }
            return true;
        }
        if (held != null) {
            // It ended: every file it wrote is in the burst.
            held = null;
            return false;
        }
        waitedFor.removeIf(pid -> ProcessHandle.of(pid).isEmpty());
        // A scan that began early may have seen a build that has ended since.
        Optional<RunningBuild> found = scanned(folders).filter(build -> build.process().isAlive());
        if (found.isEmpty()) {
            return false;
        }
        held = found.get();
        heldSince = now;
        say.accept("waiting for " + held.describe() + " to end");
        held.process().onExit().thenRun(ended);
        return true;
    }

    /** The burst is over (reloaded, or nothing in it to reload): the next one scans anew. */
    void settled() {
        scan = null;
    }

    private Optional<RunningBuild> scanned(Collection<Path> folders) {
        CompletableFuture<Optional<RunningBuild>> begun = scan;
        scan = null;
        if (begun == null) {
            return finder.apply(folders, Set.copyOf(waitedFor));
        }
        try {
            return begun.join();
        } catch (CompletionException | CancellationException e) {
            return Optional.empty();
        }
    }

    private static void scanThread(Runnable scan) {
        Thread thread = new Thread(scan, "respawn-build-scan");
        thread.setDaemon(true);
        thread.start();
    }

    private boolean giveUp() {
        waitedFor.add(held.process().pid());
        held = null;
        return false;
    }
}
