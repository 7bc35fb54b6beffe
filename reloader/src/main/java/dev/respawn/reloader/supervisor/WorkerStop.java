package dev.respawn.reloader.supervisor;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.respawn.reloader.ports.ListeningPorts;

/** Ends a worker's process tree for a process restart, and waits for the ports it held to be free. */
final class WorkerStop {

    private static final Duration PORTS_PATIENCE = Duration.ofSeconds(10);

    private WorkerStop() {
    }

    /**
     * Stops the worker before a process restart: its tree and the ports it listens on found, its
     * slow files handed to the supervisor ({@code handoffs}), its tree stopped (its JVM killed once
     * its hooks have run), its ports awaited free; returns those ports, for the next worker to listen on.
     */
    static Set<Integer> forRestart(Worker previous, Trace trace, ControlPorts controlPorts, OutputHandoffs handoffs,
            Duration timeout, Console console) {
        trace.watch("old", previous.pid());
        List<ProcessHandle> tree = ProcessTree.of(previous.handle());
        Set<Integer> ports = controlPorts.withoutControlPorts(ListeningPorts.ownedBy(tree), tree);
        trace.mark("found tree and ports");
        long pid = previous.pid();
        handoffs.beforeStop(pid);
        stop(previous, tree, timeout, console, () -> handoffs.hooksDone(pid));
        trace.mark("stopped");
        awaitPortsFree(ports, console);
        trace.mark("ports free");
        return ports;
    }

    /** SIGTERM to the tree, SIGKILL after {@code timeout}; says so when it came to that. */
    static void stop(Worker worker, List<ProcessHandle> tree, Duration timeout, Console console) {
        worker.markStopRequested();
        if (!ProcessTree.stop(tree, timeout, () -> sayExtending(timeout, console))) {
            console.say("the worker did not stop within " + timeout.toSeconds()
                    + " s of SIGTERM and was killed (raise --shutdown-timeout to give it longer)");
        }
    }

    /**
     * {@link #stop}, but the worker's JVM is killed as soon as {@code hooksDone} says its shutdown
     * hooks have run (its files are written): the rest of a JVM's exit can take longer than the
     * hooks (see {@code HooksDone}), and a restart waits for it.
     */
    static void stop(Worker worker, List<ProcessHandle> tree, Duration timeout, Console console,
            java.util.function.BooleanSupplier hooksDone) {
        worker.markStopRequested();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean killed = false;
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            if (!killed && worker.isAlive() && hooksDone.getAsBoolean()) {
                worker.handle().destroyForcibly();
                killed = true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!killed && worker.isAlive() && ShutdownGrace.awaitWhileWorking(worker.handle(),
                timeout.multipliedBy(ShutdownGrace.BOUND_TIMES_TIMEOUT - 1), () -> sayExtending(timeout, console))) {
            ProcessTree.awaitExit(tree, Duration.ofMillis(100));
        }
        if (!ProcessTree.stop(tree, Duration.ZERO)) {
            console.say("the worker did not stop within " + timeout.toSeconds()
                    + " s of SIGTERM and was killed (raise --shutdown-timeout to give it longer)");
        }
    }

    private static void sayExtending(Duration timeout, Console console) {
        console.say("the worker is still running its shutdown hooks " + timeout.toSeconds() + " s after SIGTERM;"
                + " respawn waits while they work, up to " + timeout.multipliedBy(ShutdownGrace.BOUND_TIMES_TIMEOUT).toSeconds()
                + " s in all (" + ShutdownGrace.BOUND_TIMES_TIMEOUT + "x --shutdown-timeout)");
    }

    /** Waits until nothing listens on {@code ports} (at most 10 s, then says so and goes on). */
    static void awaitPortsFree(Set<Integer> ports, Console console) {
        if (ports.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + PORTS_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Set<Integer> open = ListeningPorts.all();
            if (ports.stream().noneMatch(open::contains)) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        console.say("port(s) " + ports + " are still in use by another process; starting the worker anyway");
    }
}
