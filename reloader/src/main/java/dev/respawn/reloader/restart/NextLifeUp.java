package dev.respawn.reloader.restart;

import java.time.Duration;
import java.util.Set;

import dev.respawn.reloader.context.LifeOutputs;
import dev.respawn.reloader.ports.ListeningPorts;

/**
 * Releases the ended life's files for writing once the next life is up: its {@code main} returned
 * (most servers' {@code main} returns once they listen), or it listens again on the ports the ended
 * one served (what the supervisor waits for), or after a while when neither tells. Until then the
 * writing would take a core from the next life's start.
 */
final class NextLifeUp {

    /** How long the files wait at most for the next life to be up. */
    static final Duration PATIENCE = Duration.ofSeconds(10);
    /** How long they wait for a life that served no port and whose main runs on. */
    static final Duration NO_PORTS = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 10;
    /**
     * The ports are read less often than the main thread: reading /proc/net/tcp costs CPU in
     * proportion to every socket of the machine (a client's thousands in TIME_WAIT among them),
     * a few ms of the kernel's each time on a busy machine, taken from the start it waits for.
     * Most frameworks' {@code main} returns once they listen, which is told within a poll.
     */
    private static final int POLLS_PER_PORT_READ = 50;

    private NextLifeUp() {
    }

    /**
     * Releases {@code hold} on {@code outputs} once {@code next} is up, on a daemon thread of its own,
     * and runs {@code then} after the release.
     */
    static void release(LifeOutputs outputs, long hold, Life next, Set<Integer> ports, Runnable then) {
        Thread watcher = new Thread(() -> {
            try {
                awaitUp(next, ports);
            } finally {
                outputs.release(hold);
                then.run();
            }
        }, "respawn-next-life-up");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitUp(Life next, Set<Integer> ports) {
        boolean watchable = !ports.isEmpty() && ListeningPorts.supported();
        long deadline = System.nanoTime() + (watchable ? PATIENCE : NO_PORTS).toNanos();
        try {
            for (int poll = 1; System.nanoTime() < deadline; poll++) {
                Thread main = next.mainThread();
                if (main != null && !main.isAlive()) {
                    return;
                }
                if (watchable && poll % POLLS_PER_PORT_READ == 0 && ListeningPorts.all().containsAll(ports)) {
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
