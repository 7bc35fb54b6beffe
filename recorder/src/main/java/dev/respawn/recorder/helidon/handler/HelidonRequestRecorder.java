package dev.respawn.recorder.helidon.handler;

import java.io.OutputStream;
import java.util.Arrays;
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
import dev.respawn.recorder.helidon.stub.http.Headers;
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

    /**
     * The URL's scheme and host of the last request: a client sends the same Host on every request
     * of its connection, and most servers hear one; a race only makes the next request build it again.
     */
    private Origin origin = new Origin(false, "", "");

    @Override
    public Exchange enter(Object routingRequest, Object routingResponse, Recorder recorder) {
        ServerRequest request = (ServerRequest) routingRequest;
        ServerResponse response = (ServerResponse) routingResponse;
        HttpPrologue prologue = request.prologue();
        int port = request.localPeer().port();
        Exchange exchange = recorder.begin(port);
        List<Header> headers = headers(request.headers());
        exchange.request(prologue.method().text(), url(request.isSecure(), prologue, headers, port),
                version(prologue.protocol(), prologue.protocolVersion()), headers);
        RecordedResponse recorded = new RecordedResponse(response, exchange);
        request.streamFilter(in -> new TeeInputStream(in, exchange.requestBody()));
        response.streamFilter(recorded);
        response.whenSent(recorded);
        return exchange;
    }

    /** From the request line and Host: the request's own URI is not resolved before routing. */
    String url(boolean secure, HttpPrologue prologue, List<Header> headers, int port) {
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
        Origin last = origin;
        if (last.secure() != secure || !last.host().equals(host)) {
            last = new Origin(secure, host, (secure ? "https://" : "http://") + host);
            origin = last;
        }
        UriQuery query = prologue.query();
        String raw = query == null ? null : query.rawValue();
        String path = prologue.uriPath().rawPath();
        return raw == null || raw.isEmpty() ? last.prefix().concat(path) : last.prefix() + path + "?" + raw;
    }

    /** HTTP/1.1, nearly always: the same string, not a new one per request. */
    static String version(String protocol, String version) {
        return "HTTP".equals(protocol) && "1.1".equals(version) ? "HTTP/1.1" : protocol + "/" + version;
    }

    private record Origin(boolean secure, String host, String prefix) {
    }

    /**
     * One entry per value, in Helidon's order; an immutable list made once, which the exchange and
     * the record keep as it is instead of copying it again.
     */
    static List<Header> headers(Headers headers) {
        Header[] result = new Header[headers.size()];
        int count = 0;
        for (dev.respawn.recorder.helidon.stub.http.Header header : headers) {
            String name = header.name();
            if (header.valueCount() == 1) { // most headers: no list of values made for them
                result = room(result, count, 1);
                result[count++] = new Header(name, header.value());
                continue;
            }
            List<String> values = header.allValues();
            result = room(result, count, values.size());
            for (int i = 0; i < values.size(); i++) {
                result[count++] = new Header(name, values.get(i));
            }
        }
        return switch (count) {
            case 0 -> List.of();
            case 1 -> List.of(result[0]);
            case 2 -> List.of(result[0], result[1]);
            default -> List.of(count == result.length ? result : Arrays.copyOf(result, count));
        };
    }

    private static Header[] room(Header[] headers, int count, int more) {
        return count + more <= headers.length ? headers : Arrays.copyOf(headers, Math.max(count + more, 2 * headers.length));
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
        public void buffered() {
            run();
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
