package dev.respawn.recorder.helidon.stub.http;

/** Stands for Helidon's {@code ServerRequestHeaders} (a {@code Headers}, which is {@code Iterable<Header>}). */
public interface ServerRequestHeaders extends Iterable<Header> {
}
