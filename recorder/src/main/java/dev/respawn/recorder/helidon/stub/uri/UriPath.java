package dev.respawn.recorder.helidon.stub.uri;

/** Stands for Helidon's {@code UriPath}. */
public interface UriPath {

    String rawPath();
}
