package dev.respawn.recorder.netty.handler;

import java.util.List;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits right after an HTTP request decoder that has its encoder apart (Vert.x): copies each
 * request, body included, as it streams past (up to the body limit; never holds a message). While
 * a request's parts go up to the application, the event loop's thread counts as serving it
 * (exception reports, request profiling). Inbound only, so responses do not pass through it.
 */
final class RequestRecorder extends ChannelInboundHandlerAdapter {

    private final Connection connection;

    RequestRecorder(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        read(connection, ctx, msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connection.closed();
        ctx.fireChannelInactive();
    }

    /** Copies {@code msg} if it is part of a request, and passes it on. */
    static void read(Connection connection, ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpRequest) {
            HttpRequest request = (HttpRequest) msg;
            Exchange exchange = connection.begin(ctx.channel());
            List<Header> headers = Messages.headers(request.headers(), connection.lastRequestHeaders);
            connection.lastRequestHeaders = headers;
            exchange.request(request.method().name(), Messages.url(request, headers, ctx.channel(), connection),
                    request.protocolVersion().text(), headers);
            connection.arrived(exchange);
        }
        Exchange exchange = connection.reading;
        if (exchange == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpContent) {
            Messages.copy(((HttpContent) msg).content(), exchange.requestBody());
        }
        boolean last = msg instanceof LastHttpContent;
        connection.recorder.bind(exchange);
        try {
            ctx.fireChannelRead(msg);
        } finally {
            connection.recorder.unbind();
            if (last && connection.reading == exchange) {
                connection.reading = null;
            }
        }
    }
}
