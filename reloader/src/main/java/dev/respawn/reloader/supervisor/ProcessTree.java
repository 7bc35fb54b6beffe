package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Stops a process and everything it started: SIGTERM to the whole tree, SIGKILL to what is left. */
final class ProcessTree {

    private ProcessTree() {
    }

    /** The process and its descendants, as they are now. */
    static List<ProcessHandle> of(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }

    /**
     * Stops the tree gracefully, forcibly after {@code timeout}; returns true when the graceful
     * stop sufficed. Returns only once every process of the tree has ended.
     */
    static boolean stop(List<ProcessHandle> tree, Duration timeout) {
        return stop(tree, timeout, null);
    }

    /**
     * {@link #stop(List, Duration)}, but a root JVM still working on its shutdown hooks when the
     * timeout is up gets longer ({@link ShutdownGrace}); {@code extending} runs when it does.
     */
    static boolean stop(List<ProcessHandle> tree, Duration timeout, Runnable extending) {
        tree.forEach(ProcessHandle::destroy);
        if (awaitExit(tree, timeout)) {
            return true;
        }
        if (extending != null && ShutdownGrace.awaitWhileWorking(tree.get(0),
                timeout.multipliedBy(ShutdownGrace.BOUND_TIMES_TIMEOUT - 1), extending)
                && awaitExit(tree, Duration.ofMillis(100))) {
            return true;
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(10));
        return false;
    }

    /**
     * Whether the process still runs: alive to the JDK and not a zombie. A child that exited stays
     * alive to {@link ProcessHandle#isAlive} until its {@code Process}'s reaper thread collects it,
     * which lags on a busy machine; it has ended all the same (its hooks ran, its ports are closed).
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /**
     * Waits for every process of the tree to end. It polls {@link ProcessHandle#isAlive} rather
     * than using {@link ProcessHandle#onExit}: once {@link Process}'s own reaper has collected the
     * child, the handle's onExit falls back to the JDK's polling for strangers, 300 ms a round.
     */
    static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (tree.stream().anyMatch(ProcessTree::running)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
