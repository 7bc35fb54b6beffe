package dev.respawn.recorder.undertow.handler;

import java.util.List;

import org.xnio.conduits.StreamSinkConduit;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import io.undertow.server.ConduitWrapper;
import io.undertow.server.DefaultResponseListener;
import io.undertow.server.ExchangeCompletionListener;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.ConduitFactory;

/**
 * The response side of one recorded exchange, one object for all Undertow asks of it: it wraps
 * the response conduit in a {@link RecordingSink}, and ends the record when the application ends
 * the body or, at the latest, when the exchange completes (a response with no body, an error).
 */
final class RecordingResponse implements ConduitWrapper<StreamSinkConduit>, ExchangeCompletionListener {

    private final HttpServerExchange http;
    private final Exchange exchange;

    RecordingResponse(HttpServerExchange http, Exchange exchange) {
        this.http = http;
        this.exchange = exchange;
    }

    @Override
    public StreamSinkConduit wrap(ConduitFactory<StreamSinkConduit> factory, HttpServerExchange ignored) {
        return new RecordingSink(factory.create(), exchange.responseBody(), this);
    }

    @Override
    public void exchangeEvent(HttpServerExchange done, NextListener next) {
        finish();
        next.proceed();
    }

    /**
     * Journals the exchange with the response as it stands. Undertow answers 500 itself to a
     * handler that threw before responding; one that threw after has cut its response short.
     */
    void finish() {
        if (exchange.isFinished()) {
            return;
        }
        List<Header> headers = UndertowExchangeRecorder.headers(http.getResponseHeaders());
        Throwable failure = http.getAttachment(DefaultResponseListener.EXCEPTION);
        if (failure != null && http.getStatusCode() != 500) {
            exchange.abort(http.getStatusCode(), headers, failure);
        } else {
            exchange.finish(http.getStatusCode(), headers);
        }
    }
}
