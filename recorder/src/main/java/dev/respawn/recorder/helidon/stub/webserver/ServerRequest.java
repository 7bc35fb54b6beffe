package dev.respawn.recorder.helidon.stub.webserver;

import java.io.InputStream;
import java.util.function.UnaryOperator;

import dev.respawn.recorder.helidon.stub.http.HttpPrologue;
import dev.respawn.recorder.helidon.stub.http.ServerRequestHeaders;
import dev.respawn.recorder.helidon.stub.socket.PeerInfo;

/**
 * Stands for Helidon's {@code ServerRequest}; its first three methods Helidon declares on the
 * {@code HttpRequest} it extends, where the JVM finds them.
 */
public interface ServerRequest {

    HttpPrologue prologue();

    ServerRequestHeaders headers();

    PeerInfo localPeer();

    boolean isSecure();

    void streamFilter(UnaryOperator<InputStream> filter);
}
