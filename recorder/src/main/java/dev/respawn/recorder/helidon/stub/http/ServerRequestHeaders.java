package dev.respawn.recorder.helidon.stub.http;

/** Stands for Helidon's {@code ServerRequestHeaders}, a {@code Headers}. */
public interface ServerRequestHeaders extends Headers {
}
