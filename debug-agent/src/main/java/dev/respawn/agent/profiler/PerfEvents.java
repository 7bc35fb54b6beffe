package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which engine async-profiler samples CPU with: perf events where the kernel allows them
 * ({@code kernel.perf_event_paranoid} at most 1, or root), otherwise its own ctimer, which it
 * falls back to without a word; respawn says which.
 */
final class PerfEvents {

    private PerfEvents() {
    }

    static String engineFor(String event) {
        if (!event.equals("cpu")) {
            return event + " samples";
        }
        int paranoid = paranoid();
        if (paranoid <= 1 || isRoot()) {
            return "cpu samples from perf events";
        }
        return "perf events are not permitted here (kernel.perf_event_paranoid=" + paranoid
                + "), so cpu samples come from its ctimer engine";
    }

    private static int paranoid() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid")).strip());
        } catch (IOException | RuntimeException e) {
            return 2;
        }
    }

    private static boolean isRoot() {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
            return status.stream().filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
