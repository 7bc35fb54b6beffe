package dev.respawn.recorder.netty.handler;

import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.netty.PipelineRecorder;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.util.AttributeKey;

/**
 * Puts the recording handler after an HTTP server codec: one handler after a combined codec, or,
 * where the decoder and encoder are apart (Vert.x), an inbound one after the decoder and an
 * outbound one after the encoder, sharing the connection's state, so that each message passes
 * through one of them only.
 */
public final class NettyPipelineRecorder implements PipelineRecorder {

    static final String BOTH_NAME = "respawn.recorder";
    static final String REQUESTS_NAME = "respawn.recorder.requests";
    static final String RESPONSES_NAME = "respawn.recorder.responses";
    private static final AttributeKey<Connection> CONNECTION = AttributeKey.valueOf("respawn.recorder.connection");

    @Override
    public void codecAdded(Object pipeline, Object codec, int role, Recorder recorder) {
        ChannelPipeline channelPipeline = (ChannelPipeline) pipeline;
        ChannelHandlerContext context = channelPipeline.context((ChannelHandler) codec);
        String name = role == BOTH ? BOTH_NAME : role == REQUESTS ? REQUESTS_NAME : RESPONSES_NAME;
        if (context == null || channelPipeline.context(name) != null || channelPipeline.context(BOTH_NAME) != null) {
            return;
        }
        Connection connection = channelPipeline.channel().attr(CONNECTION).get();
        if (connection == null) {
            connection = new Connection(recorder, Messages.secure(channelPipeline));
            channelPipeline.channel().attr(CONNECTION).set(connection);
        }
        channelPipeline.addAfter(context.name(), name, role == BOTH ? new RecordingHandler(connection)
                : role == REQUESTS ? new RequestRecorder(connection) : new ResponseRecorder(connection));
    }
}
