package dev.respawn.reloader.supervisor;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How an add-on takes part in the supervisor's work without the supervisor knowing it: what it
 * adds to each worker's command, and what it does when workers and the supervisor stop.
 */
public interface SupervisorExtension {

    /** JVM options for every worker (e.g. the debugger's {@code -agentlib:jdwp}). */
    default List<String> jvmArguments() {
        return List.of();
    }

    /** Environment variables for every worker. */
    default Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Why classes may not be redefined in place while this add-on is on (coverage's probes would
     * be lost), or empty when a hot swap is fine.
     */
    default java.util.Optional<String> hotSwapVeto() {
        return java.util.Optional.empty();
    }

    /**
     * Ports the add-on makes every worker listen on (the debugger's JDWP port, say): they open
     * before the application runs, so they never tell that a first worker is serving.
     */
    default Set<Integer> ports() {
        return Set.of();
    }

    /** Called before each worker starts; may wait (for a port to be free, say). */
    default void beforeStart() {
    }

    /** Called once a worker has started. */
    default void started(long pid) {
    }

    /** Called once a worker has ended, for any reason. */
    default void stopped(long pid, int exitCode) {
    }

    /**
     * Called when a reload begins (any mode) or a worker is about to start: until {@link #serving}
     * the application may not answer (the front holds requests meanwhile).
     */
    default void reloading() {
    }

    /**
     * Called, after {@link #reloading}, before the supervisor stops the application for a restart
     * (its process, or its code inside the JVM): may wait, for a short bound of its own, until
     * answers already on their way are done (the front's requests in flight).
     */
    default void beforeStop() {
    }

    /**
     * Called once the application serves again: after a start or a restart with the ports the
     * worker listens on; after a hot swap with none (the ports it had).
     */
    default void serving(Set<Integer> ports) {
    }

    /** Called when no application can serve until the next change; {@code why} is what the worker printed last. */
    default void notServing(String why) {
    }

    /**
     * Whether this add-on's worker part, stopped for a process restart, leaves the slow part of its
     * files (drawn or converted from what it wrote) to {@link #finishOutputs}: then the next worker
     * need not wait for it.
     */
    default boolean finishesOutputs() {
        return false;
    }

    /**
     * Finishes the files of a worker that was stopped for a process restart and has ended (see
     * {@link dev.respawn.reloader.output.Handoff}); runs on a thread of its own once the next
     * worker serves, or as the supervisor stops, and may be called again for the same worker: it
     * does only what is still undone.
     */
    default void finishOutputs(long pid) {
    }

    /** Called once when the supervisor stops, after the last worker has ended. */
    default void supervisorStopping() {
    }
}
