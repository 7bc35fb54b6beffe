package dev.respawn.reloader.restart;

import java.time.Duration;
import java.util.Set;

import dev.respawn.reloader.context.LifeOutputs;
import dev.respawn.reloader.ports.ListeningPorts;

/**
 * Releases the ended life's files for writing once the next life listens again on the ports the
 * ended one served (what the supervisor waits for too), or after a while when it serves none or
 * never gets there: until then the writing would take a core from the next life's start.
 */
final class NextLifeUp {

    /** How long the files wait at most for the next life to listen. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How long they wait for a life that served no port (nothing says when it is up). */
    static final Duration NO_PORTS = Duration.ofSeconds(1);
    private static final long POLL_MILLIS = 20;

    private NextLifeUp() {
    }

    /** Releases {@code hold} on {@code outputs} once {@code ports} listen again, on a daemon thread of its own. */
    static void release(LifeOutputs outputs, long hold, Set<Integer> ports) {
        Thread watcher = new Thread(() -> {
            try {
                awaitListening(ports);
            } finally {
                outputs.release(hold);
            }
        }, "respawn-next-life-up");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitListening(Set<Integer> ports) {
        boolean watchable = !ports.isEmpty() && ListeningPorts.supported();
        long deadline = System.nanoTime() + (watchable ? PATIENCE : NO_PORTS).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (watchable && ListeningPorts.all().containsAll(ports)) {
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
