package dev.respawn.reloader.supervisor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a restart spends its time, printed with {@code -Drespawn.trace=true} on the supervisor:
 * the time of each step since the change was acted on, and the CPU time that the supervisor and
 * the workers it watches had used by then (Linux's schedstat), so that a step's CPU is told apart
 * from its waiting.
 */
final class Trace {

    private static final boolean ON = Boolean.getBoolean("respawn.trace");

    private final long began;
    // Wall-clock start, so a benchmark can measure from a file write to the start of the restart.
    private final long beganEpochMillis = ON ? System.currentTimeMillis() : 0;
    private final List<String> marks = ON ? new ArrayList<>() : List.of();
    private final Map<String, Long> watched = new LinkedHashMap<>();
    private final Map<String, List<String>> cpu = new LinkedHashMap<>();

    Trace(long began) {
        this.began = began;
        watch("supervisor", ProcessHandle.current().pid());
    }

    long began() {
        return began;
    }

    /** From the next mark on, also says the CPU time process {@code pid} had used, as {@code who}. */
    synchronized Trace watch(String who, long pid) {
        if (ON) {
            watched.put(who, pid);
            cpu.computeIfAbsent(who, name -> new ArrayList<>(marks.stream().map(mark -> "-").toList()));
        }
        return this;
    }

    synchronized void mark(String what) {
        if (ON) {
            marks.add(what + " +" + (System.nanoTime() - began) / 1_000_000 + " ms");
            watched.forEach((who, pid) -> cpu.get(who).add(Long.toString(ProcessCpu.of(pid).toMillis())));
        }
    }

    synchronized void print(Console console) {
        if (ON) {
            List<String> cpuLines = new ArrayList<>();
            cpu.forEach((who, values) -> cpuLines.add(who + " " + String.join("/", values)));
            console.say("trace: began at epoch " + beganEpochMillis + " ms, " + String.join(", ", marks)
                    + "; CPU ms used by each mark: " + String.join(", ", cpuLines));
        }
    }
}
