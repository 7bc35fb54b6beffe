package dev.respawn.recorder.netty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The Netty recording handler in a real Netty server, put in place as the agent's advice does
 * (through {@link NettyEntry}, into the codec's class loader), for a combined codec and for a
 * decoder and encoder apart.
 */
class NettyEntryTest {

    private static final int LIMIT = 4096;
    private static final List<RecordedExchange> JOURNAL = new CopyOnWriteArrayList<>();
    private static final Map<String, String> SEEN_BY_HANDLER = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static EventLoopGroup group;
    private static int combined;
    private static int split;

    @BeforeAll
    static void start() throws InterruptedException {
        Recorder.activate(new Recorder(LIMIT, new Redactor(List.of(), false), JOURNAL::add, Clock.systemUTC(), 7));
        group = new NioEventLoopGroup(2);
        combined = serve(pipeline -> pipeline.addLast(new HttpServerCodec()));
        split = serve(pipeline -> {
            pipeline.addLast(new HttpRequestDecoder());
            pipeline.addLast(new HttpResponseEncoder());
        });
    }

    @AfterAll
    static void stop() {
        Recorder.activate(null);
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
    }

    @BeforeEach
    void clear() {
        JOURNAL.clear();
    }

    private static int serve(java.util.function.Consumer<ChannelPipeline> codec) throws InterruptedException {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        codec.accept(pipeline);
                        pipeline.forEach(entry -> NettyEntry.added(pipeline, entry.getValue())); // as the advice does
                        pipeline.addLast(new Echo());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Streams each request body straight back, chunk by chunk; /fail answers 500 before reading it. */
    static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof io.netty.handler.codec.http.HttpRequest request) {
                SEEN_BY_HANDLER.put(request.headers().get("X-N", ""),
                        Recorder.active().current().map(c -> c.id() + " " + c.url()).orElse("none"));
                DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
                response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                        .set(HttpHeaderNames.CONTENT_TYPE, request.headers().get("Content-Type", "text/plain"))
                        .set("Set-Cookie", "s=1");
                ctx.write(response);
            }
            if (msg instanceof HttpContent content) {
                ctx.write(new DefaultHttpContent(content.content().retain()));
                if (msg instanceof LastHttpContent) {
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                }
                content.release();
            }
        }
    }

    private static HttpResponse<String> post(int port, String body, String n) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo?n=" + n))
                .header("X-N", n).header("Authorization", "Bearer s3cret").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsRequestsAndResponsesWithBodiesOnAKeptAliveConnection() throws Exception {
        for (int port : new int[] {combined, split}) {
            JOURNAL.clear();
            assertThat(post(port, "first ✓", "a").body()).isEqualTo("first ✓");
            assertThat(post(port, "second", "b").body()).isEqualTo("second");

            assertThat(JOURNAL).hasSize(2);
            RecordedExchange first = JOURNAL.get(0);
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.url()).isEqualTo("http://127.0.0.1:" + port + "/echo?n=a");
            assertThat(first.httpVersion()).isEqualTo("HTTP/1.1");
            assertThat(new String(first.requestBody().kept(), StandardCharsets.UTF_8)).isEqualTo("first ✓");
            assertThat(first.status()).isEqualTo(200);
            assertThat(new String(first.responseBody().kept(), StandardCharsets.UTF_8)).isEqualTo("first ✓");
            assertThat(RecordedExchange.first(first.requestHeaders(), "Authorization")).isEqualTo("[redacted]");
            assertThat(RecordedExchange.first(first.responseHeaders(), "Set-Cookie")).isEqualTo("[redacted]");
            assertThat(first.error()).isNull();
            assertThat(SEEN_BY_HANDLER.get("b")).isEqualTo(JOURNAL.get(1).id() + " " + JOURNAL.get(1).url());
        }
    }

    @Test
    void keepsTheFirstBytesOfALargeStreamedBodyAndItsTrueSize() throws Exception {
        byte[] random = new byte[300_000];
        new Random(1).nextBytes(random);
        String body = new String(random, StandardCharsets.ISO_8859_1).replaceAll("[^a-z]", "x");
        assertThat(post(combined, body, "big").body()).isEqualTo(body);

        RecordedExchange big = JOURNAL.get(0);
        assertThat(big.requestBody().size()).isEqualTo(body.length());
        assertThat(big.requestBody().kept()).hasSize(LIMIT);
        assertThat(big.responseBody().size()).isEqualTo(body.length());
        assertThat(new String(big.responseBody().kept(), StandardCharsets.UTF_8)).isEqualTo(body.substring(0, LIMIT));
    }

    @Test
    void concurrentClientsAreRecordedApart() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String n = Integer.toString(i);
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return post(n.hashCode() % 2 == 0 ? combined : split, "body " + n + " ".repeat(n.length() * 700), n);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        assertThat(JOURNAL).hasSize(40);
        for (RecordedExchange exchange : JOURNAL) {
            String n = exchange.url().substring(exchange.url().indexOf("n=") + 2);
            String request = new String(exchange.requestBody().kept(), StandardCharsets.UTF_8);
            assertThat(request).startsWith("body " + n + " ");
            assertThat(new String(exchange.responseBody().kept(), StandardCharsets.UTF_8)).isEqualTo(request);
        }
        Set<String> ids = JOURNAL.stream().map(RecordedExchange::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(40);
    }

    @Test
    void aKeptAliveConnectionsUnchangedHeadersAreTakenOnceAndChangedOnesAnew() throws Exception {
        for (int port : new int[] {combined, split}) {
            JOURNAL.clear();
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) { // one connection, kept alive
                socket.setSoTimeout(20_000);
                java.io.InputStream in = socket.getInputStream();
                for (String value : new String[] {"same", "same", "other"}) {
                    socket.getOutputStream().write(("GET /get HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Kept: " + value
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    StringBuilder response = new StringBuilder();
                    while (response.indexOf("\r\n0\r\n\r\n") < 0) { // the chunked answer's end
                        int b = in.read();
                        assertThat(b).as("the response's end").isNotNegative();
                        response.append((char) b);
                    }
                    assertThat(response.toString()).startsWith("HTTP/1.1 200");
                }
            }

            assertThat(JOURNAL).hasSize(3);
            assertThat(JOURNAL.get(1).requestHeaders()).as("the same list, made once").isSameAs(JOURNAL.get(0).requestHeaders());
            assertThat(RecordedExchange.first(JOURNAL.get(1).requestHeaders(), "X-Kept")).isEqualTo("same");
            assertThat(RecordedExchange.first(JOURNAL.get(2).requestHeaders(), "X-Kept")).isEqualTo("other");
            assertThat(JOURNAL.get(2).requestHeaders()).hasSameSizeAs(JOURNAL.get(0).requestHeaders());
            assertThat(JOURNAL).extracting(RecordedExchange::url).containsOnly("http://127.0.0.1:" + port + "/get");
        }
    }
}
