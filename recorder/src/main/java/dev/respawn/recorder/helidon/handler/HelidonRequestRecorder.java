package dev.respawn.recorder.helidon.handler;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.TeeInputStream;
import dev.respawn.recorder.capture.TeeOutputStream;
import dev.respawn.recorder.helidon.HelidonEntry;
import dev.respawn.recorder.helidon.RequestRecorder;
import dev.respawn.recorder.helidon.SentBody;
import dev.respawn.recorder.helidon.stub.http.HttpPrologue;
import dev.respawn.recorder.helidon.stub.uri.UriQuery;
import dev.respawn.recorder.helidon.stub.webserver.ServerRequest;
import dev.respawn.recorder.helidon.stub.webserver.ServerResponse;

/**
 * Begins the record of a Helidon request as routing starts: tees its bodies through the request's
 * and response's stream filters (Helidon's own way to see them), and ends it as the response body
 * closes or the response is sent, whichever comes first.
 */
public final class HelidonRequestRecorder implements RequestRecorder {

    @Override
    public Exchange enter(Object routingRequest, Object routingResponse, Recorder recorder) {
        ServerRequest request = (ServerRequest) routingRequest;
        ServerResponse response = (ServerResponse) routingResponse;
        HttpPrologue prologue = request.prologue();
        int port = request.localPeer().port();
        Exchange exchange = recorder.begin(port);
        List<Header> headers = headers(request.headers());
        exchange.request(prologue.method().text(), url(request.isSecure(), prologue, headers, port),
                prologue.protocol() + "/" + prologue.protocolVersion(), headers);
        RecordedResponse recorded = new RecordedResponse(response, exchange);
        request.streamFilter(in -> new TeeInputStream(in, exchange.requestBody()));
        response.streamFilter(recorded);
        response.whenSent(recorded);
        return exchange;
    }

    /** From the request line and Host: the request's own URI is not resolved before routing. */
    static String url(boolean secure, HttpPrologue prologue, List<Header> headers, int port) {
        String host = null;
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            if (header.name().equalsIgnoreCase("Host")) {
                host = header.value();
                break;
            }
        }
        if (host == null) {
            host = "localhost:" + port;
        }
        UriQuery query = prologue.query();
        String raw = query == null ? null : query.rawValue();
        String path = prologue.uriPath().rawPath();
        return (secure ? "https://" : "http://") + host + path + (raw == null || raw.isEmpty() ? "" : "?" + raw);
    }

    /** One entry per value, in Helidon's order. */
    static List<Header> headers(Iterable<dev.respawn.recorder.helidon.stub.http.Header> headers) {
        List<Header> result = new ArrayList<>();
        for (dev.respawn.recorder.helidon.stub.http.Header header : headers) {
            String name = header.name();
            if (header.valueCount() == 1) { // most headers: no list of values made for them
                result.add(new Header(name, header.value()));
                continue;
            }
            List<String> values = header.allValues();
            for (int i = 0; i < values.size(); i++) {
                result.add(new Header(name, values.get(i)));
            }
        }
        return result;
    }

    /**
     * The response's side of the record: its stream filter, which tees the body (or is told of one
     * sent in one piece), and its end, which journals the exchange with the response as it stands
     * (the exchange counts only the first end: the body's close or the response sent).
     */
    private record RecordedResponse(ServerResponse response, Exchange exchange)
            implements UnaryOperator<OutputStream>, SentBody, Runnable {

        @Override
        public OutputStream apply(OutputStream out) {
            return new TeeOutputStream(out, exchange.responseBody(), () -> -1, this);
        }

        @Override
        public void sent(byte[] bytes, int offset, int length) {
            exchange.responseBody().write(bytes, offset, length);
        }

        @Override
        public void run() {
            if (exchange.isFinished()) {
                return;
            }
            try {
                exchange.finish(response.status().code(), headers(response.headers()));
            } catch (RuntimeException | LinkageError e) {
                HelidonEntry.warn(e);
                exchange.finish(0, List.of());
            }
        }
    }
}
