package dev.respawn.front;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the debug page says of the worker: its state now, and how the last reload or start went. */
final class FrontStatus {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The state and the last reload line, read together. */
    record Snapshot(String state, String detail, String lastReload) {
    }

    private final Clock clock;
    private long beganNanos = System.nanoTime();
    private boolean started;
    private String state = "starting";
    private String detail = "";
    private String lastReload = "none yet";

    FrontStatus(Clock clock) {
        this.clock = clock;
    }

    synchronized void reloading() {
        beganNanos = System.nanoTime();
        state = started ? "reloading" : "starting";
        detail = "";
    }

    synchronized void serving(int port) {
        long millis = Duration.ofNanos(System.nanoTime() - beganNanos).toMillis();
        lastReload = (started ? "reloaded in " : "started in ") + millis + " ms at " + LocalTime.now(clock).format(TIME)
                + ", serving on port " + port;
        started = true;
        state = "serving on port " + port;
        detail = "";
    }

    synchronized void notServing(String why) {
        state = "not serving";
        detail = why;
        lastReload = "failed at " + LocalTime.now(clock).format(TIME);
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(state, detail, lastReload);
    }
}
