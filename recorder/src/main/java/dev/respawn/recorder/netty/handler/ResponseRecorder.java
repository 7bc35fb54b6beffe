package dev.respawn.recorder.netty.handler;

import dev.respawn.recorder.capture.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits right after an HTTP response encoder that has its decoder apart (Vert.x): copies each
 * response, body included, as it streams past, and journals each exchange as the last part of its
 * response is handed down to be sent. Outbound only, so requests do not pass through it.
 */
final class ResponseRecorder extends ChannelOutboundHandlerAdapter {

    private final Connection connection;

    ResponseRecorder(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        see(connection, msg);
        ctx.write(msg, promise);
    }

    /** Copies {@code msg} if it is part of a response, and journals the exchange at its end. */
    static void see(Connection connection, Object msg) {
        if (msg instanceof HttpResponse) {
            HttpResponse response = (HttpResponse) msg;
            int status = response.status().code();
            if (status >= 200 || status == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                connection.lastResponseHeaders = Messages.headers(response.headers(), connection.lastResponseHeaders);
                connection.responding(status, connection.lastResponseHeaders);
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
}
