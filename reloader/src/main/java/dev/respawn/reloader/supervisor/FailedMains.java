package dev.respawn.reloader.supervisor;

import java.util.function.Supplier;

/**
 * A {@code main} that threw in a worker whose other threads keep it up: said on the terminal and
 * to the add-ons (the front answers 503 with the exception) at once, not when the wait for a port
 * runs out, since nothing tells the supervisor otherwise: the worker does not end.
 */
final class FailedMains {

    private final Console console;
    private final ServingEvents events;
    private final Supplier<Worker> current;

    FailedMains(Console console, ServingEvents events, Supplier<Worker> current) {
        this.console = console;
        this.events = events;
        this.current = current;
    }

    /** What the worker with {@code pid} said its main threw; a worker no longer current is past news. */
    void failed(long pid, String trace) {
        Worker worker = current.get();
        if (worker == null || worker.pid() != pid || !worker.isAlive()) {
            return;
        }
        console.say("the application's main failed (" + FailureSummary.of(trace.lines().toList(), 3)
                + ") and other threads keep the worker (pid " + pid + ") up; waiting for a change to try again");
        events.mainFailed("the application's main failed (other threads keep its JVM up)\n" + trace);
    }
}
