package dev.respawn.examples.hello;

/** What {@code /hello} answers: edit it while the demo runs, recompile, and see it served. */
public final class Greeting {

    private Greeting() {
    }

    public static String message() {
        return "Hello from respawn";
    }
}
