package dev.respawn.examples.jettyee10;

/** What {@code /hello} answers: edit it while the application runs, recompile, and see it served. */
public final class Greeting {

    private Greeting() {
    }

    public static String text() {
        return "Hello from Jetty servlets";
    }
}
