package dev.respawn.reloader.supervisor;

import java.util.ArrayList;
import java.util.List;

/** Where a restart spends its time, printed with {@code -Drespawn.trace=true} on the supervisor. */
final class Trace {

    private static final boolean ON = Boolean.getBoolean("respawn.trace");

    private final long began;
    // Wall-clock start, so a benchmark can measure from a file write to the start of the restart.
    private final long beganEpochMillis = ON ? System.currentTimeMillis() : 0;
    private final List<String> marks = ON ? new ArrayList<>() : List.of();

    Trace(long began) {
        this.began = began;
    }

    void mark(String what) {
        if (ON) {
            marks.add(what + " +" + (System.nanoTime() - began) / 1_000_000 + " ms");
        }
    }

    void print(Console console) {
        if (ON) {
            console.say("trace: began at epoch " + beganEpochMillis + " ms, " + String.join(", ", marks));
        }
    }
}
