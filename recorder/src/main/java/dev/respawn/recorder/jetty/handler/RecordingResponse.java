package dev.respawn.recorder.jetty.handler;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;

/** The response whose body is copied into the exchange as written, and which journals it as it ends. */
final class RecordingResponse extends Response.Wrapper {

    private final Exchange exchange;

    RecordingResponse(Request request, Response response, Exchange exchange) {
        super(request, response);
        this.exchange = exchange;
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        if (content != null) {
            exchange.responseBody().write(content);
        }
        if (last) {
            finish(null); // before the client can see the end
        }
        super.write(last, content, callback);
    }

    /**
     * Ends the exchange; {@code failure} (or null) is what ended the handling. A failure before the
     * response was committed leaves Jetty to answer 500 itself; one after it cut the response short.
     */
    void finish(Throwable failure) {
        if (exchange.isFinished()) {
            return;
        }
        int status = getStatus() == 0 ? 200 : getStatus();
        if (failure == null) {
            exchange.finish(status, headers(getHeaders()));
        } else if (isCommitted()) {
            exchange.abort(status, headers(getHeaders()), failure);
        } else {
            exchange.finish(500, List.of());
        }
    }

    /** Not handled: Jetty answers 404 itself. */
    void notFound() {
        if (!exchange.isFinished()) {
            exchange.finish(404, List.of());
        }
    }

    static List<Header> headers(HttpFields fields) {
        List<Header> headers = new ArrayList<>(fields.size());
        for (HttpField field : fields) {
            headers.add(new Header(field.getName(), field.getValue()));
        }
        return List.copyOf(headers);
    }
}
