package dev.respawn.recorder.netty.handler;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.respawn.recorder.capture.BodyCapture;
import dev.respawn.recorder.capture.Header;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/** Netty's HTTP messages as the recorder keeps them. */
final class Messages {

    private Messages() {
    }

    /**
     * The headers in their order. Sized by {@code size()} only for Netty's own headers: Vert.x's
     * answer it by building a sorted set of the names. Read as char sequences, which Netty's and Vert.x's
     * headers hand out as they hold them (as strings, they wrap each entry).
     */
    static List<Header> headers(HttpHeaders headers) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Header[] result = new Header[headers instanceof DefaultHttpHeaders ? headers.size() : 16];
        int count = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (count == result.length) {
                result = Arrays.copyOf(result, Math.max(16, 2 * count));
            }
            result[count++] = new Header(header.getKey().toString(), header.getValue().toString());
        }
        return List.of(count == result.length ? result : Arrays.copyOf(result, count));
    }

    /** The request's full URL; {@code connection} keeps the scheme and host of the last one, mostly the next one's too. */
    static String url(HttpRequest request, Channel channel, Connection connection) {
        String uri = request.uri();
        if (!uri.startsWith("/") && uri.contains("://")) {
            return uri;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host == null) {
            SocketAddress local = channel.localAddress();
            host = local instanceof InetSocketAddress ? ((InetSocketAddress) local).getHostString() + ":"
                    + ((InetSocketAddress) local).getPort() : "localhost";
        }
        return connection.origin(host).concat(uri.startsWith("/") ? uri : "/" + uri);
    }

    static int localPort(Channel channel) {
        SocketAddress local = channel.localAddress();
        return local instanceof InetSocketAddress ? ((InetSocketAddress) local).getPort() : 0;
    }

    /**
     * Copies what the capture still keeps of a buffer's readable bytes, and counts the rest,
     * without moving the buffer's indexes: the buffer goes on to its owner untouched.
     */
    static void copy(ByteBuf buffer, BodyCapture capture) {
        int readable = buffer.readableBytes();
        if (readable == 0) {
            return;
        }
        int take = Math.min(readable, capture.room());
        if (take > 0) {
            if (buffer.hasArray()) {
                capture.write(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(), take);
            } else {
                byte[] bytes = new byte[take];
                buffer.getBytes(buffer.readerIndex(), bytes);
                capture.write(bytes, 0, take);
            }
        }
        capture.skip(readable - take);
    }

    /** Whether TLS sits below the codec in this pipeline, by name: netty-handler may not be there. */
    static boolean secure(ChannelPipeline pipeline) {
        for (Map.Entry<String, ChannelHandler> entry : pipeline) {
            for (Class<?> c = entry.getValue().getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.getName().equals("io.netty.handler.ssl.SslHandler")) {
                    return true;
                }
            }
        }
        return false;
    }
}
