package dev.respawn.front;

import java.util.concurrent.CompletableFuture;

/**
 * Whether requests to the front may go to the worker now, must wait for the next code to listen,
 * or must be told why no code can serve: one future per state, which held requests wait on.
 */
final class Gate {

    /** Why no application serves: what the worker printed, or what the supervisor saw. */
    static final class NotServing extends RuntimeException {

        NotServing(String why) {
            super(why, null, false, false);
        }
    }

    private CompletableFuture<Integer> port = new CompletableFuture<>();
    private CompletableFuture<Integer> beforeReload = port;
    private long reloads;

    /** The application's port once it serves, or {@link NotServing}; pending while a reload runs. */
    synchronized CompletableFuture<Integer> port() {
        return port;
    }

    /** How many reloads have begun: a request that saw another number was cut by one. */
    synchronized long reloads() {
        return reloads;
    }

    synchronized void hold() {
        reloads++;
        if (port.isDone()) {
            beforeReload = port;
            port = new CompletableFuture<>();
        }
    }

    synchronized void open(int applicationPort) {
        if (!port.complete(applicationPort)) {
            port = CompletableFuture.completedFuture(applicationPort);
        }
    }

    /** A reload that changed nothing the front sees (a hot swap): back to what it was before. */
    synchronized void reopen() {
        if (port.isDone() || !beforeReload.isDone()) {
            return;
        }
        if (beforeReload.isCompletedExceptionally()) {
            beforeReload.whenComplete((p, failure) -> port.completeExceptionally(failure));
        } else {
            port.complete(beforeReload.join());
        }
    }

    synchronized void fail(String why) {
        NotServing failure = new NotServing(why);
        if (!port.completeExceptionally(failure)) {
            port = CompletableFuture.failedFuture(failure);
        }
    }
}
