package dev.respawn.examples.quarkus;

/** What {@code /hello} answers: edit it while the application runs, rebuild, and see it served. */
public final class Greeting {

    private Greeting() {
    }

    public static String text() {
        return "Hello from Quarkus REST";
    }
}
