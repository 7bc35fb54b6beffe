package dev.respawn.recorder.jetty.handler;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.jetty.HandlerRecorder;

/** Begins the record of a Jetty 12 request as the server takes it, in recording wrappers. */
public final class JettyHandlerRecorder implements HandlerRecorder {

    /** The servlet recorder's mark: set here, a servlet layer inside Jetty records nothing more. */
    private static final String ATTRIBUTE = "dev.respawn.recorder.exchange";

    @Override
    public Object[] enter(Object request, Object response, Object callback, Recorder recorder) {
        Request jetty = (Request) request;
        if (jetty.getAttribute(ATTRIBUTE) != null) {
            return null;
        }
        Exchange exchange = recorder.begin(Request.getLocalPort(jetty));
        jetty.setAttribute(ATTRIBUTE, exchange.id());
        exchange.request(jetty.getMethod(), jetty.getHttpURI().asString(),
                jetty.getConnectionMetaData().getProtocol(), RecordingResponse.headers(jetty.getHeaders()));
        RecordingRequest recordingRequest = new RecordingRequest(jetty, exchange);
        RecordingResponse recordingResponse = new RecordingResponse(recordingRequest, (Response) response, exchange);
        return new Object[] {recordingRequest, recordingResponse,
            new RecordingCallback((Callback) callback, recordingResponse), exchange};
    }

    @Override
    public void exit(Object[] state, boolean handled, Throwable thrown) {
        RecordingResponse response = (RecordingResponse) state[1];
        if (thrown != null) {
            response.finish(thrown);
        } else if (!handled) {
            response.notFound();
        }
    }
}
