package dev.respawn.recorder.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.TeeInputStream;
import dev.respawn.recorder.capture.TeeOutputStream;

/**
 * Records one JDK exchange: tees both bodies through {@link HttpExchange#setStreams}, the
 * filter API's own way to wrap them, and journals the exchange when the response body closes
 * (or, if the handler never closes it, when the handler returns having sent a response). A
 * handler that throws first (its own failure, or the connection closed under it as the server
 * stops) leaves the client without a whole response, and its exchange is journaled as aborted.
 */
final class RecordingFilter extends Filter {

    @Override
    public void doFilter(HttpExchange http, Chain chain) throws IOException {
        Recorder recorder = Recorder.active();
        Exchange exchange = recorder == null ? null : start(recorder, http);
        if (exchange == null) {
            chain.doFilter(http);
            return;
        }
        recorder.bind(exchange);
        try {
            chain.doFilter(http);
        } catch (IOException | RuntimeException | Error e) {
            recorder.unbind();
            if (!exchange.isFinished()) {
                exchange.abort(http.getResponseCode(), headers(http.getResponseHeaders()), e);
            }
            throw e;
        }
        recorder.unbind();
        // A handler that answered and left the stream open is done; one that sent nothing yet has
        // handed the exchange to another thread, which will close it.
        if (http.getResponseCode() != -1) {
            finish(http, exchange);
        }
    }

    @Override
    public String description() {
        return "respawn recorder";
    }

    private static Exchange start(Recorder recorder, HttpExchange http) {
        try {
            Exchange exchange = recorder.begin(http.getLocalAddress().getPort());
            exchange.request(http.getRequestMethod(), url(http), http.getProtocol(), headers(http.getRequestHeaders()));
            http.setStreams(new TeeInputStream(http.getRequestBody(), exchange.requestBody()),
                    new TeeOutputStream(http.getResponseBody(), exchange.responseBody(),
                            () -> declaredLength(http), () -> finish(http, exchange)));
            return exchange;
        } catch (RuntimeException e) {
            System.err.println("respawn: the recorder skipped an exchange (" + e + ")");
            return null;
        }
    }

    private static void finish(HttpExchange http, Exchange exchange) {
        if (!exchange.isFinished()) {
            exchange.finish(http.getResponseCode(), headers(http.getResponseHeaders()));
        }
    }

    /** The length sendResponseHeaders declared, or -1 (chunked, or not sent yet). */
    private static long declaredLength(HttpExchange http) {
        String length = http.getResponseCode() == -1 ? null : http.getResponseHeaders().getFirst("Content-length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String url(HttpExchange http) {
        URI uri = http.getRequestURI();
        if (uri.isAbsolute()) {
            return uri.toString();
        }
        String host = http.getRequestHeaders().getFirst("Host");
        if (host == null) {
            InetSocketAddress local = http.getLocalAddress();
            host = local.getHostString() + ":" + local.getPort();
        }
        return (http instanceof HttpsExchange ? "https://" : "http://") + host + uri.toString();
    }

    /** The headers as an immutable list, which the exchange then keeps without copying. */
    static List<Header> headers(Map<String, List<String>> headers) {
        List<Header> result = new ArrayList<>(headers.size() + 2);
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            for (String value : header.getValue()) {
                result.add(new Header(header.getKey(), value));
            }
        }
        return List.copyOf(result);
    }
}
