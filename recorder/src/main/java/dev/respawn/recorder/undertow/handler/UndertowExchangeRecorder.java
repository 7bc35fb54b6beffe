package dev.respawn.recorder.undertow.handler;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.undertow.ExchangeRecorder;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderMap;
import io.undertow.util.HeaderValues;

/**
 * Begins the record of an Undertow exchange the first time its root handler runs: tees the
 * request and response bodies through conduit wrappers (Undertow's own way to filter them), and
 * ends it when the application ends the response body or, at the latest, when the exchange completes.
 */
public final class UndertowExchangeRecorder implements ExchangeRecorder {

    private static final AttachmentKey<Exchange> RECORDED = AttachmentKey.create(Exchange.class);

    @Override
    public Exchange enter(Object serverExchange, Recorder recorder) {
        HttpServerExchange http = (HttpServerExchange) serverExchange;
        Exchange exchange = http.getAttachment(RECORDED);
        if (exchange != null) {
            return exchange.isFinished() ? null : exchange;
        }
        InetSocketAddress local = http.getConnection().getLocalAddress(InetSocketAddress.class);
        Exchange begun = recorder.begin(local == null ? 0 : local.getPort());
        http.putAttachment(RECORDED, begun);
        begun.request(http.getRequestMethod().toString(), url(http), http.getProtocol().toString(),
                headers(http.getRequestHeaders()));
        http.addRequestWrapper((factory, ignored) -> new RecordingSource(factory.create(), begun.requestBody()));
        http.addResponseWrapper((factory, ignored) -> new RecordingSink(factory.create(), begun.responseBody(),
                () -> finish(http, begun)));
        http.addExchangeCompleteListener((done, next) -> {
            finish(done, begun);
            next.proceed();
        });
        return begun;
    }

    /**
     * Journals the exchange with the response as it stands. Undertow answers 500 itself to a
     * handler that threw before responding; one that threw after has cut its response short.
     */
    static void finish(HttpServerExchange http, Exchange exchange) {
        if (exchange.isFinished()) {
            return;
        }
        List<Header> headers = headers(http.getResponseHeaders());
        Throwable failure = http.getAttachment(DefaultResponseListener.EXCEPTION);
        if (failure != null && http.getStatusCode() != 500) {
            exchange.abort(http.getStatusCode(), headers, failure);
        } else {
            exchange.finish(http.getStatusCode(), headers);
        }
    }

    static String url(HttpServerExchange http) {
        String query = http.getQueryString();
        String uri = http.getRequestURI();
        String base = http.isHostIncludedInRequestURI() ? uri
                : http.getRequestScheme() + "://" + http.getHostAndPort() + uri;
        return query == null || query.isEmpty() ? base : base + "?" + query;
    }

    static List<Header> headers(HeaderMap map) {
        List<Header> headers = new ArrayList<>(map.size());
        for (HeaderValues values : map) {
            String name = values.getHeaderName().toString();
            for (String value : values) {
                headers.add(new Header(name, value));
            }
        }
        return List.copyOf(headers);
    }
}
