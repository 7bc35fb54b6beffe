package dev.respawn.recorder.undertow.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.util.Headers;

/**
 * The Undertow seam (unrenamed) on a real Undertow server over loopback, driven as the inlined
 * advice drives it around the root handler: what each exchange journals, bodies in Undertow's
 * pooled direct buffers, sent whole or gathered, and request headers of several values.
 */
class UndertowExchangeRecorderTest {

    private static final Duration JOURNALED = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String TEXT = "0123456789abcdef".repeat(256); // 4 KB, sent as the bench's work does

    private final List<RecordedExchange> journal = new CopyOnWriteArrayList<>();
    private Undertow server;
    private int port;

    private void start(long bodyLimit) {
        Recorder recorder = new Recorder(bodyLimit, new Redactor(List.of(), false), journal::add, Clock.systemUTC(), 1);
        UndertowExchangeRecorder seam = new UndertowExchangeRecorder();
        HttpHandler application = Handlers.routing()
                .get("/text", exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
                    exchange.getResponseSender().send(TEXT);
                })
                .get("/gathered", exchange -> exchange.getResponseSender().send(new ByteBuffer[] {
                    direct("first part, "), ByteBuffer.wrap("second part".getBytes(StandardCharsets.US_ASCII))}))
                .post("/echo", exchange -> exchange.getRequestReceiver().receiveFullBytes(
                        (done, body) -> done.getResponseSender().send(ByteBuffer.wrap(body))));
        HttpHandler root = exchange -> { // what UndertowAdvice does around Connectors.executeRootHandler
            Exchange recorded = seam.enter(exchange, recorder);
            if (recorded != null) {
                recorder.bind(recorded);
            }
            try {
                application.handleRequest(exchange);
            } finally {
                if (recorded != null) {
                    recorder.unbind();
                }
            }
        };
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(root).build();
        server.start();
        port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @BeforeEach
    void noServerYet() {
        server = null;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static ByteBuffer direct(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(JOURNALED).build(), HttpResponse.BodyHandlers.ofString());
    }

    private RecordedExchange journaled(String path) {
        return await().atMost(JOURNALED).until(() -> journal.stream()
                .filter(e -> e.url().contains(path)).findFirst().orElse(null), e -> e != null);
    }

    private static List<String> values(List<Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    @Test
    void journalsABodySentFromPooledDirectBuffersWithTheRequestsHeadersAndQuery() throws Exception {
        start(1 << 20);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/text?item=bench")).header("X-Multi", "one").header("X-Multi", "two").header("X-Single", "three"));
        assertThat(response.body()).isEqualTo(TEXT);

        RecordedExchange text = journaled("/text");
        assertThat(text.method()).isEqualTo("GET");
        assertThat(text.url()).isEqualTo("http://127.0.0.1:" + port + "/text?item=bench");
        assertThat(text.status()).isEqualTo(200);
        assertThat(new String(text.responseBody().kept(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        assertThat(text.responseBody().size()).isEqualTo(TEXT.length());
        assertThat(values(text.requestHeaders(), "X-Multi")).containsExactly("one", "two");
        assertThat(values(text.requestHeaders(), "X-Single")).containsExactly("three");
        assertThat(values(text.responseHeaders(), "Content-Type")).containsExactly("text/plain; charset=utf-8");
        assertThat(values(text.responseHeaders(), "Content-Length")).containsExactly(Integer.toString(TEXT.length()));
        assertThat(text.requestBody().size()).isZero();
        assertThat(text.error()).isNull();
    }

    @Test
    void keepsTheFirstBytesUpToTheLimitOfEachBufferOfAGatheringWrite() throws Exception {
        start(16);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gathered"))).body())
                .isEqualTo("first part, second part");

        RecordedExchange gathered = journaled("/gathered");
        assertThat(new String(gathered.responseBody().kept(), StandardCharsets.US_ASCII)).isEqualTo("first part, seco");
        assertThat(gathered.responseBody().size()).isEqualTo("first part, second part".length());
        assertThat(gathered.responseBody().truncated()).isTrue();
    }

    @Test
    void journalsTheRequestBodyOfAPostAndTheAnswerToIt() throws Exception {
        start(1 << 20);
        String json = "{\"greeting\":\"Grüße ✓\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.body()).isEqualTo(json);

        RecordedExchange echo = journaled("/echo");
        assertThat(new String(echo.requestBody().kept(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(new String(echo.responseBody().kept(), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(values(echo.requestHeaders(), "Content-Type"))
                .containsExactly("application/json");
    }
}
