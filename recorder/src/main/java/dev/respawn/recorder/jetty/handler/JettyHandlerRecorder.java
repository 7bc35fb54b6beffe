package dev.respawn.recorder.jetty.handler;

import org.eclipse.jetty.server.Request;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.jetty.HandlerRecorder;

/**
 * Begins the record of a Jetty 12 request as the server takes it: its body is copied as the
 * Handlers read it, and the response as Jetty sends it on the request's stream.
 */
public final class JettyHandlerRecorder implements HandlerRecorder {

    /** The servlet recorder's mark: set here, a servlet layer inside Jetty records nothing more. */
    private static final String ATTRIBUTE = "dev.respawn.recorder.exchange";

    @Override
    public Object[] enter(Object request, Recorder recorder) {
        Request jetty = (Request) request;
        if (jetty.getAttribute(ATTRIBUTE) != null) {
            return null;
        }
        Exchange exchange = recorder.begin(Request.getLocalPort(jetty));
        jetty.setAttribute(ATTRIBUTE, exchange.id());
        exchange.request(jetty.getMethod(), jetty.getHttpURI().asString(),
                jetty.getConnectionMetaData().getProtocol(), RecordingStream.headers(jetty.getHeaders()));
        jetty.addHttpStreamWrapper(stream -> new RecordingStream(stream, exchange));
        return new Object[] {new RecordingRequest(jetty, exchange), exchange};
    }
}
