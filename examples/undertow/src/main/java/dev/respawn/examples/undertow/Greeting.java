package dev.respawn.examples.undertow;

/** What {@code /hello} answers: edit it while the application runs, recompile, and see it served. */
public final class Greeting {

    private Greeting() {
    }

    public static String text() {
        return "Hello from Undertow";
    }
}
