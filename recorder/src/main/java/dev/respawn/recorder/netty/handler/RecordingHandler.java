package dev.respawn.recorder.netty.handler;

import dev.respawn.recorder.capture.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits right after the HTTP codec: copies each request and response, bodies included, as they
 * stream past (up to the body limit; never holds a message), and journals each exchange as the
 * last part of its response is handed down to be sent. While a request's parts go up to the
 * application, the event loop's thread counts as serving it (exception reports, request profiling).
 */
final class RecordingHandler extends ChannelDuplexHandler {

    private final Connection connection;
    private final boolean requests;
    private final boolean responses;

    RecordingHandler(Connection connection, boolean requests, boolean responses) {
        this.connection = connection;
        this.requests = requests;
        this.responses = responses;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!requests || !(msg instanceof HttpObject)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpRequest) {
            HttpRequest request = (HttpRequest) msg;
            Exchange exchange = connection.begin(ctx.channel());
            exchange.request(request.method().name(), Messages.url(request, ctx.channel(), connection),
                    request.protocolVersion().text(), Messages.headers(request.headers()));
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

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (responses) {
            see(msg);
        }
        ctx.write(msg, promise);
    }

    private void see(Object msg) {
        if (msg instanceof HttpResponse) {
            HttpResponse response = (HttpResponse) msg;
            int status = response.status().code();
            if (status >= 200 || status == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                connection.responding(status, Messages.headers(response.headers()));
            }
        }
        Exchange exchange = connection.writing;
        if (exchange == null) {
            return;
        }
        if (msg instanceof HttpContent || (msg instanceof ByteBufHolder && !(msg instanceof HttpObject))) {
            Messages.copy(((ByteBufHolder) msg).content(), exchange.responseBody());
        } else if (msg instanceof ByteBuf) {
            Messages.copy((ByteBuf) msg, exchange.responseBody());
        } else if (msg instanceof FileRegion) {
            exchange.responseBody().skip(((FileRegion) msg).count());
        }
        if (msg instanceof LastHttpContent || (msg instanceof HttpResponse && switching((HttpResponse) msg))) {
            connection.responded();
        }
    }

    /** A 101 has no body: the connection speaks another protocol after it. */
    private static boolean switching(HttpResponse response) {
        return response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (requests || !connectionHasRequestSide(ctx)) {
            connection.closed();
        }
        ctx.fireChannelInactive();
    }

    /** With decoder and encoder apart, the request side's handler reports the close, once. */
    private static boolean connectionHasRequestSide(ChannelHandlerContext ctx) {
        return ctx.pipeline().context(NettyPipelineRecorder.REQUESTS_NAME) != null;
    }
}
