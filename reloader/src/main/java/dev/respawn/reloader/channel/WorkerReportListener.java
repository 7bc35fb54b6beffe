package dev.respawn.reloader.channel;

import dev.respawn.reloader.tracking.TrackingListener;

/** Told, on the supervisor's side, what each worker's agent reports. */
public interface WorkerReportListener extends TrackingListener {

    /** A worker's agent has connected: its JVM is up and the agent is installed. */
    default void connected(long pid) {
    }

    /** A worker's class path, its entries absolute: what a source of its class folders compiles against. */
    default void classPath(java.util.List<java.nio.file.Path> entries) {
    }

    /**
     * The application's {@code main} threw in a worker whose other threads keep its JVM up: it will
     * not serve, though the worker runs on.
     *
     * @param trace what the worker printed of the exception
     */
    default void mainFailed(long pid, String trace) {
    }
}
