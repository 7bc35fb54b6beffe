package dev.respawn.recorder.helidon.stub.uri;

/** Stands for Helidon's {@code UriQuery}. */
public interface UriQuery {

    String rawValue();
}
