package dev.respawn.recorder.undertow.handler;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.undertow.ExchangeRecorder;
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
        if (!http.isRequestComplete()) {
            // A request that has no body (a GET), Undertow knows as complete from its headers: no
            // byte is left to read, and no conduit is needed to see them.
            http.addRequestWrapper((factory, ignored) -> new RecordingSource(factory.create(), begun.requestBody()));
        }
        RecordingResponse response = new RecordingResponse(http, begun);
        http.addResponseWrapper(response);
        http.addExchangeCompleteListener(response);
        return begun;
    }

    static String url(HttpServerExchange http) {
        String query = http.getQueryString();
        String uri = http.getRequestURI();
        boolean bare = query == null || query.isEmpty();
        if (http.isHostIncludedInRequestURI()) {
            return bare ? uri : uri + "?" + query;
        }
        return bare ? http.getRequestScheme() + "://" + http.getHostAndPort() + uri
                : http.getRequestScheme() + "://" + http.getHostAndPort() + uri + "?" + query;
    }

    /**
     * Every value of every header, in Undertow's order; walked by its cookies, which allocate no
     * iterator. The map's size counts names: a name with more values grows the array.
     */
    static List<Header> headers(HeaderMap map) {
        Header[] headers = new Header[map.size()];
        int count = 0;
        for (long cookie = map.fastIterateNonEmpty(); cookie != -1L; cookie = map.fiNextNonEmpty(cookie)) {
            HeaderValues values = map.fiCurrent(cookie);
            String name = values.getHeaderName().toString();
            for (int i = 0; i < values.size(); i++) {
                if (count == headers.length) {
                    headers = Arrays.copyOf(headers, count + values.size());
                }
                headers[count++] = new Header(name, values.get(i));
            }
        }
        return List.of(count == headers.length ? headers : Arrays.copyOf(headers, count));
    }
}
