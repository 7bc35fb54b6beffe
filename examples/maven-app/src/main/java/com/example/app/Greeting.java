package com.example.app;

/** What /hello says: edit it while `mvn respawn:run` runs, save, and ask again. */
final class Greeting {

    private Greeting() {
    }

    static String message() {
        return "Hello from maven-app";
    }
}
