package dev.respawn.recorder.helidon.stub.socket;

/** Stands for Helidon's {@code PeerInfo}: one end of a connection. */
public interface PeerInfo {

    int port();
}
