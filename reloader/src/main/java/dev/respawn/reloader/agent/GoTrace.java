package dev.respawn.reloader.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a warm worker's go spends its time before the JVM goes on to the application's
 * {@code main}, printed with {@code -Drespawn.trace=true} on the worker's command: the wall clock
 * (epoch milliseconds, to set beside the supervisor's trace) and this JVM's CPU time at each step.
 */
final class GoTrace {

    private static final boolean ON = Boolean.getBoolean("respawn.trace");

    private final List<String> marks = new ArrayList<>();

    void mark(String what) {
        if (ON) {
            marks.add(what + " at epoch " + System.currentTimeMillis() + " ms (CPU " + cpuMillis() + " ms)");
        }
    }

    void print() {
        if (ON) {
            System.err.println("respawn: trace: go, " + String.join(", ", marks));
        }
    }

    private static long cpuMillis() {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String line = Files.readString(task.resolve("schedstat"));
                    sum += Long.parseLong(line.substring(0, line.indexOf(' ')));
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return sum / 1_000_000;
    }
}
