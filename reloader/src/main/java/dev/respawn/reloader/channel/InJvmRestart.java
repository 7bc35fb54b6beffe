package dev.respawn.reloader.channel;

import java.util.Optional;

/** The agent's side of an in-JVM restart: stops the application and runs it again in a new class loader. */
@FunctionalInterface
public interface InJvmRestart {

    /** The environment variable by which a supervisor turns in-JVM restarts off for a worker ({@code off}). */
    String SWITCH_VARIABLE = "RESPAWN_IN_JVM";

    /** Restarts the application; empty when done, else why not (the supervisor then restarts the process). */
    Optional<String> restart();

    /** For a worker that cannot restart in place. */
    static InJvmRestart unavailable(String why) {
        return () -> Optional.of(why);
    }
}
