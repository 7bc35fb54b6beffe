package dev.respawn.reloader.supervisor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

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
        tree.forEach(ProcessHandle::destroy);
        if (awaitExit(tree, timeout)) {
            return true;
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(10));
        return false;
    }

    static boolean awaitExit(List<ProcessHandle> tree, Duration timeout) {
        List<CompletableFuture<ProcessHandle>> exits = tree.stream()
                .map(ProcessHandle::onExit).collect(Collectors.toList());
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return tree.stream().noneMatch(ProcessHandle::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
