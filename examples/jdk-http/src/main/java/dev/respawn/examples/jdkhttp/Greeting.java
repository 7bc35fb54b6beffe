package dev.respawn.examples.jdkhttp;

/** What {@code /hello} answers: edit it while the application runs, recompile, and see it served. */
public final class Greeting {

    private Greeting() {
    }

    public static String text() {
        return "Hello from the JDK HttpServer";
    }
}
