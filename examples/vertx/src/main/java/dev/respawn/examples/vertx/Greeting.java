package dev.respawn.examples.vertx;

/** What {@code /hello} answers: edit it while the application runs, recompile, and see it served. */
public final class Greeting {

    private Greeting() {
    }

    public static String text() {
        return "Hello from Vert.x";
    }
}
