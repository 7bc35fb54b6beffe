package dev.respawn.reloader.channel;

import java.util.Map;
import java.util.Optional;

/** The agent's side of a hot swap: redefines loaded classes in place. */
@FunctionalInterface
public interface Redefiner {

    /**
     * Redefines every class named (binary name to new class file bytes) in one step.
     *
     * @return empty when done, else why not (nothing was changed then)
     */
    Optional<String> redefine(Map<String, byte[]> classes);
}
