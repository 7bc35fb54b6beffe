package dev.respawn.examples.notes;

/** What {@code /hello} answers: edit it while the application runs, recompile, and see it served. */
public final class Greeting {

    private Greeting() {
    }

    public static String message() {
        return "Hello from Spring Boot 4";
    }
}
