package dev.respawn.recorder.helidon.stub.http;

/** Stands for Helidon's {@code ServerResponseHeaders} (a {@code Headers}, which is {@code Iterable<Header>}). */
public interface ServerResponseHeaders extends Iterable<Header> {
}
