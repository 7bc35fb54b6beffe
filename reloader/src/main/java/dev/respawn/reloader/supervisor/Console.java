package dev.respawn.reloader.supervisor;

import java.io.PrintStream;

/** The supervisor's own lines on the terminal, each prefixed so they stand apart from the worker's. */
final class Console {

    private final PrintStream err;

    Console(PrintStream err) {
        this.err = err;
    }

    void say(String message) {
        err.println("respawn: " + message);
        err.flush();
    }
}
