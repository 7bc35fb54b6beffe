package dev.respawn.recorder.helidon.stub.webserver;

import java.io.OutputStream;
import java.util.function.UnaryOperator;

import dev.respawn.recorder.helidon.stub.http.ServerResponseHeaders;
import dev.respawn.recorder.helidon.stub.http.Status;

/** Stands for Helidon's {@code ServerResponse}. */
public interface ServerResponse {

    Status status();

    ServerResponseHeaders headers();

    ServerResponse whenSent(Runnable listener);

    void streamFilter(UnaryOperator<OutputStream> filter);
}
