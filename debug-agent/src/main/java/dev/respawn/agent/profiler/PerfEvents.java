package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which async-profiler engine samples CPU, and what respawn says about it.
 *
 * <p>{@code cpu} (the default) is async-profiler's ctimer on Linux: a CPU-time timer per thread.
 * async-profiler's own {@code cpu} event prefers perf events, whose per-thread software clock is
 * switched out and in with its thread on every context switch: measured here, 5.5 µs more CPU
 * per round trip between two threads (9.5 against 4.0), and on /hello of the example, a server
 * that blocks and wakes for each request, +9% to +47% CPU per request in runs where ctimer cost
 * -2% to +6%. ctimer and itimer cost nothing measurable per switch. {@code perf} asks for perf events all the same, for their kernel frames; where the
 * kernel refuses them ({@code kernel.perf_event_paranoid} above 1, not root) async-profiler falls
 * back to ctimer without a word, and respawn says so.
 */
final class PerfEvents {

    private PerfEvents() {
    }

    /** The event to start async-profiler with for respawn's {@code --profiler-event}. */
    static String asyncProfilerEvent(String event, String osName) {
        return switch (event) {
            case "cpu" -> osName.toLowerCase(Locale.ROOT).startsWith("linux") ? "ctimer" : "cpu";
            case "perf" -> "cpu";
            default -> event;
        };
    }

    static String asyncProfilerEvent(String event) {
        return asyncProfilerEvent(event, System.getProperty("os.name", ""));
    }

    static String engineFor(String event) {
        String engine = asyncProfilerEvent(event);
        if (engine.equals("ctimer")) {
            return "cpu samples from per-thread CPU timers, its ctimer engine; --profiler-event perf for perf events";
        }
        if (!event.equals("perf")) {
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
