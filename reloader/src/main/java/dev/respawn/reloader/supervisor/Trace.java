package dev.respawn.reloader.supervisor;

import java.util.ArrayList;
import java.util.List;

/** Where a restart spends its time, printed with {@code -Drespawn.trace=true} on the supervisor. */
final class Trace {

    private static final boolean ON = Boolean.getBoolean("respawn.trace");

    private final long began;
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
            console.say("trace: " + String.join(", ", marks));
        }
    }
}
