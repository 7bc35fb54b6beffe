package dev.respawn.recorder.netty.handler;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Sits right after a combined HTTP server codec: records requests as {@link RequestRecorder} and
 * responses as {@link ResponseRecorder} do (bodies included, never holding a message), and journals
 * each exchange as the last part of its response is handed down to be sent.
 */
final class RecordingHandler extends ChannelDuplexHandler {

    private final Connection connection;

    RecordingHandler(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        RequestRecorder.read(connection, ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        ResponseRecorder.see(connection, msg);
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connection.closed();
        ctx.fireChannelInactive();
    }
}
