package dev.respawn.recorder.helidon.stub.http;

/** Stands for Helidon's {@code Headers}: its header names, each with its values, in order. */
public interface Headers extends Iterable<Header> {

    /** How many names (a name with several values counts once). */
    int size();
}
