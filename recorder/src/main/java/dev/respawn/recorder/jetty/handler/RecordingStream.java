package dev.respawn.recorder.jetty.handler;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.util.Callback;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;

/**
 * The request's stream, below every Handler and Response wrapper: what Jetty sends on it is what
 * the client receives, the application's response and Jetty's own error pages alike (an
 * exception in a Handler, a request no Handler took), which Jetty writes through its original
 * Response and not through any wrapper the recorder could have handed the Handlers.
 */
final class RecordingStream extends HttpStream.Wrapper {

    private final Exchange exchange;
    private volatile MetaData.Response response;

    RecordingStream(HttpStream stream, Exchange exchange) {
        super(stream);
        this.exchange = exchange;
    }

    @Override
    public void send(MetaData.Request request, MetaData.Response response, boolean last, ByteBuffer content,
            Callback callback) {
        if (response != null) {
            this.response = response; // the last one sent wins over interim (1xx) responses
        }
        if (content != null) {
            exchange.responseBody().write(content);
        }
        if (last) {
            finish(); // before the client can see the end
        }
        super.send(request, response, last, content, callback);
    }

    @Override
    public void succeeded() {
        finish();
        super.succeeded();
    }

    /** The stream failed before its last bytes were sent: the client got less than a whole response. */
    @Override
    public void failed(Throwable failure) {
        if (!exchange.isFinished()) {
            MetaData.Response sent = response;
            exchange.abort(sent == null ? 500 : sent.getStatus(), sent == null ? List.of() : headers(sent.getHttpFields()),
                    failure);
        }
        super.failed(failure);
    }

    private void finish() {
        if (!exchange.isFinished()) {
            MetaData.Response sent = response;
            exchange.finish(sent == null ? 200 : sent.getStatus(), sent == null ? List.of() : headers(sent.getHttpFields()));
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
