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
    private volatile long reloads;

    ServingEvents(List<SupervisorExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    void reloading() {
        mainFailed = false;
        reloads++;
        extensions.forEach(SupervisorExtension::reloading);
    }

    /** The application is about to be stopped for a restart; requests are already held. */
    void beforeStop() {
        extensions.forEach(SupervisorExtension::beforeStop);
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

    /** How many reloads began: a report of an earlier one no longer speaks for the application. */
    long reloads() {
        return reloads;
    }

    /** Whether {@link #mainFailed} was said since the last reload began: waiting for ports is then no news. */
    boolean mainFailedSinceReload() {
        return mainFailed;
    }
}
