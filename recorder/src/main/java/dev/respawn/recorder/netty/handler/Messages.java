package dev.respawn.recorder.netty.handler;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.respawn.recorder.capture.BodyCapture;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/** Netty's HTTP messages as the recorder keeps them. */
final class Messages {

    private Messages() {
    }

    /**
     * The headers in their order; {@code last}, the same list, when they are the same as it: a
     * keep-alive client sends the same headers every time, and a server answers a route with the
     * same ones, so nothing is made for them (and the journal repeats them by reference). Read as
     * char sequences, which Netty's and Vert.x's headers hand out as they hold them (as strings,
     * they wrap each entry); never sized by {@code size()}, which Vert.x's headers answer by
     * building a sorted set of the names.
     */
    static List<Header> headers(HttpHeaders headers, List<Header> last) {
        if (headers.isEmpty()) {
            return List.of();
        }
        Header[] made = null;
        int count = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (made == null) {
                if (count < last.size() && same(last.get(count), header)) {
                    count++;
                    continue;
                }
                made = new Header[Math.max(16, 2 * count)];
                for (int i = 0; i < count; i++) {
                    made[i] = last.get(i);
                }
            }
            if (count == made.length) {
                made = Arrays.copyOf(made, 2 * count);
            }
            made[count++] = new Header(header.getKey().toString(), header.getValue().toString());
        }
        if (made == null) {
            return count == last.size() ? last : List.copyOf(last.subList(0, count));
        }
        return List.of(count == made.length ? made : Arrays.copyOf(made, count));
    }

    private static boolean same(Header header, Map.Entry<CharSequence, CharSequence> entry) {
        CharSequence name = entry.getKey();
        CharSequence value = entry.getValue();
        // The same strings when the application sets a header from its constants, as most do.
        return (header.name() == name || header.name().contentEquals(name))
                && (header.value() == value || header.value().contentEquals(value));
    }

    /**
     * The request's full URL; {@code connection} keeps the last one, mostly the next one's too.
     * The host is the one in {@code headers}, the request's.
     */
    static String url(HttpRequest request, List<Header> headers, Channel channel, Connection connection) {
        String uri = request.uri();
        if (!uri.startsWith("/") && uri.contains("://")) {
            return uri;
        }
        String host = RecordedExchange.first(headers, "Host");
        if (host == null) {
            SocketAddress local = channel.localAddress();
            host = local instanceof InetSocketAddress ? ((InetSocketAddress) local).getHostString() + ":"
                    + ((InetSocketAddress) local).getPort() : "localhost";
        }
        return connection.url(host, uri);
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
        if (readable > take) {
            capture.skip(readable - take);
        }
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
