package dev.respawn.recorder.helidon.stub.http;

/** Stands for Helidon's {@code ServerResponseHeaders}, a {@code Headers} (through {@code WritableHeaders}). */
public interface ServerResponseHeaders extends Headers {
}
