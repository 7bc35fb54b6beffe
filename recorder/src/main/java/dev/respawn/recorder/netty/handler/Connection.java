package dev.respawn.recorder.netty.handler;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import io.netty.channel.Channel;

/**
 * The exchanges of one HTTP/1.1 connection, in the order they arrived: a keep-alive connection
 * may carry many, and a pipelining client may send the next request before the answer to the
 * last. Touched only on the channel's event loop, so it needs no locks.
 */
final class Connection {

    final Recorder recorder;
    final boolean secure;
    /** Requests whose response has not begun, oldest first. */
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    /** The request whose body is arriving, if any. */
    Exchange reading;
    /** The exchange whose response is being sent, with its status and headers. */
    Exchange writing;
    private int status;
    private List<Header> headers = List.of();
    /** The Host and URI of this connection's last request, and its URL: a client sends the same host every time, often the same URI. */
    private String host;
    private String uri;
    private String url;
    /** The headers of the last request and of the last response: the next ones are mostly the same. */
    List<Header> lastRequestHeaders = List.of();
    List<Header> lastResponseHeaders = List.of();
    /** The server's port of this connection, once known (0 before): it does not change. */
    private int localPort;

    Connection(Recorder recorder, boolean secure) {
        this.recorder = recorder;
        this.secure = secure;
    }

    /** A new exchange for a request arriving on {@code channel}. */
    Exchange begin(Channel channel) {
        if (localPort == 0) {
            localPort = Messages.localPort(channel);
        }
        return recorder.begin(localPort);
    }

    /** {@code http://host/uri} or {@code https://host/uri}, built anew only when one of them changed. */
    String url(String host, String uri) {
        if (!uri.equals(this.uri) || !host.equals(this.host)) {
            this.url = (secure ? "https://" : "http://") + host + (uri.startsWith("/") ? uri : "/" + uri);
            this.host = host;
            this.uri = uri;
        }
        return url;
    }

    void arrived(Exchange exchange) {
        waiting.add(exchange);
        reading = exchange;
    }

    /** A response began: it answers the oldest request waiting, if any is. */
    void responding(int status, List<Header> headers) {
        writing = waiting.poll();
        this.status = status;
        this.headers = headers;
    }

    /** The response being sent is complete; journals it before the client can see its end. */
    void responded() {
        if (writing != null) {
            writing.finish(status, headers);
            writing = null;
        }
    }

    /** The connection closed: what was not answered whole is recorded as such. */
    void closed() {
        if (writing != null) {
            writing.abort(status, headers, new IOException("the connection closed before the response ended"));
            writing = null;
        }
        for (Exchange exchange; (exchange = waiting.poll()) != null; ) {
            exchange.abort(0, List.of(), new IOException("the connection closed before a response began"));
        }
        reading = null;
    }
}
