package dev.respawn.reloader.agent;

import java.time.Duration;
import java.util.List;

/**
 * A worker whose supervisor is gone (killed, even with SIGKILL, so it could stop nothing) ends
 * itself and every process it started: what a worker's own child (a {@code sleep} a wrapper
 * script left behind, a helper server) would otherwise live on under init.
 */
final class Orphaned {

    /** How long the worker's children get to end after SIGTERM before SIGKILL. */
    static final Duration GRACE = Duration.ofSeconds(2);
    /** How long the JVM's shutdown hooks get before the JVM halts anyway. */
    static final Duration HOOKS = Duration.ofSeconds(30);

    private Orphaned() {
    }

    /** Ends the descendants of this JVM, then the JVM (its shutdown hooks run), without fail. */
    static void endAll(Runnable exit) {
        endDescendants(GRACE);
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HOOKS.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(0);
        }, "respawn-orphan-halt");
        halt.setDaemon(true);
        halt.start();
        exit.run();
    }

    /** SIGTERM to every descendant, then SIGKILL to those still alive after {@code grace}. */
    static void endDescendants(Duration grace) {
        List<ProcessHandle> descendants = ProcessHandle.current().descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (descendants.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
