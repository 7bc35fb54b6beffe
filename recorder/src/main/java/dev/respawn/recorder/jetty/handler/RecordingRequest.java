package dev.respawn.recorder.jetty.handler;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import dev.respawn.recorder.capture.Exchange;

/** The request whose body chunks are copied into the exchange as the application reads them. */
final class RecordingRequest extends Request.Wrapper {

    private final Exchange exchange;

    RecordingRequest(Request request, Exchange exchange) {
        super(request);
        this.exchange = exchange;
    }

    @Override
    public Content.Chunk read() {
        Content.Chunk chunk = super.read();
        if (chunk != null && chunk.hasRemaining()) {
            exchange.requestBody().write(chunk.getByteBuffer());
        }
        return chunk;
    }
}
