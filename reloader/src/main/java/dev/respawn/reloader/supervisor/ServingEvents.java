package dev.respawn.reloader.supervisor;

import java.util.List;
import java.util.Set;

/**
 * Tells the add-ons when the application stops answering for a reload, when it serves again, and
 * when it cannot serve: the moments a front before the worker holds, forwards, or explains.
 */
final class ServingEvents {

    private final List<SupervisorExtension> extensions;
    /** Whether the application's main failed since the last reload began (its JVM may run on). */
    private volatile boolean mainFailed;
    /** How many readiness reports began: each one watches a newer life than those before it. */
    private final java.util.concurrent.atomic.AtomicLong reports = new java.util.concurrent.atomic.AtomicLong();

    ServingEvents(List<SupervisorExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    void reloading() {
        mainFailed = false;
        extensions.forEach(SupervisorExtension::reloading);
    }

    void serving(Set<Integer> ports) {
        extensions.forEach(extension -> extension.serving(Set.copyOf(ports)));
    }

    void notServing(String why) {
        extensions.forEach(extension -> extension.notServing(why));
    }

    /** The application's main threw, though other threads keep its worker up: it will not serve. */
    void mainFailed(String why) {
        mainFailed = true;
        notServing(why);
    }

    /** A readiness report for a new life begins: its number, for {@link #latestReport}. */
    long reportBegins() {
        return reports.incrementAndGet();
    }

    /** Whether no readiness report began after {@code report}: a later one speaks for a newer life. */
    boolean latestReport(long report) {
        return reports.get() == report;
    }

    /** Whether {@link #mainFailed} was said since the last reload began: waiting for ports is then no news. */
    boolean mainFailedSinceReload() {
        return mainFailed;
    }
}
