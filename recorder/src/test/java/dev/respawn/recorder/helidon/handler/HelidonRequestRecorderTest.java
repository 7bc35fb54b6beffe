package dev.respawn.recorder.helidon.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import dev.respawn.recorder.helidon.HelidonEntry;
import dev.respawn.recorder.helidon.stub.http.Header;
import dev.respawn.recorder.helidon.stub.http.HttpPrologue;
import dev.respawn.recorder.helidon.stub.http.Method;
import dev.respawn.recorder.helidon.stub.http.ServerRequestHeaders;
import dev.respawn.recorder.helidon.stub.http.ServerResponseHeaders;
import dev.respawn.recorder.helidon.stub.http.Status;
import dev.respawn.recorder.helidon.stub.socket.PeerInfo;
import dev.respawn.recorder.helidon.stub.webserver.ServerRequest;
import dev.respawn.recorder.helidon.stub.webserver.ServerResponse;

/** The Helidon seam on stand-ins of Helidon's request and response, as Helidon's routing drives them. */
class HelidonRequestRecorderTest {

    private final List<RecordedExchange> journal = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder(8, new Redactor(List.of("X-Api-Key"), false), journal::add,
            Clock.systemUTC(), 1);

    private static Header header(String name, String... values) {
        return new Header() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String value() {
                return values[0];
            }

            @Override
            public int valueCount() {
                return values.length;
            }

            @Override
            public List<String> allValues() {
                return List.of(values);
            }
        };
    }

    private static final class Request implements ServerRequest {
        final List<Header> headers = new ArrayList<>();
        HttpPrologue prologue;
        boolean secure;
        UnaryOperator<InputStream> filter = UnaryOperator.identity();

        @Override
        public HttpPrologue prologue() {
            return prologue;
        }

        @Override
        public ServerRequestHeaders headers() {
            return new ServerRequestHeaders() {
                @Override
                public Iterator<Header> iterator() {
                    return headers.iterator();
                }

                @Override
                public int size() {
                    return (int) headers.stream().map(Header::name).distinct().count();
                }
            };
        }

        @Override
        public PeerInfo localPeer() {
            return () -> 8080;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public void streamFilter(UnaryOperator<InputStream> filter) {
            this.filter = filter;
        }
    }

    private static final class Response implements ServerResponse {
        final List<Header> headers = new ArrayList<>();
        final List<Runnable> whenSent = new ArrayList<>();
        int status = 200;
        UnaryOperator<OutputStream> filter = UnaryOperator.identity();

        @Override
        public Status status() {
            return new Status(status);
        }

        @Override
        public ServerResponseHeaders headers() {
            return new ServerResponseHeaders() {
                @Override
                public Iterator<Header> iterator() {
                    return headers.iterator();
                }

                @Override
                public int size() {
                    return (int) headers.stream().map(Header::name).distinct().count();
                }
            };
        }

        @Override
        public ServerResponse whenSent(Runnable listener) {
            whenSent.add(listener);
            return this;
        }

        @Override
        public void streamFilter(UnaryOperator<OutputStream> filter) {
            this.filter = filter;
        }

        void sent() {
            whenSent.forEach(Runnable::run);
        }
    }

    private static Request request(String method, String path, String query, String... headers) {
        Request request = new Request();
        request.prologue = new HttpPrologue("HTTP", "1.1", new Method(method), () -> path, () -> query);
        for (int i = 0; i < headers.length; i += 2) {
            request.headers.add(header(headers[i], headers[i + 1]));
        }
        return request;
    }

    @Test
    void recordsTheRequestLineHeadersAndBothBodiesOnceWhenTheBodyClosesAndTheResponseIsSent() throws Exception {
        Request request = request("POST", "/echo", "a=1&b=%20", "Host", "example.test:8080", "X-Api-Key", "secret");
        request.headers.add(header("Accept", "text/plain", "text/html"));
        Response response = new Response();
        response.status = 201;
        response.headers.add(header("Content-Type", "text/plain"));

        Exchange exchange = new HelidonRequestRecorder().enter(request, response, recorder);
        request.filter.apply(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))).readAllBytes();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (OutputStream out = response.filter.apply(sent)) {
            out.write("a body past the limit".getBytes(StandardCharsets.UTF_8));
        }
        response.sent();

        assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("a body past the limit");
        assertThat(exchange.isFinished()).isTrue();
        assertThat(journal).singleElement().satisfies(recorded -> {
            assertThat(recorded.method()).isEqualTo("POST");
            assertThat(recorded.url()).isEqualTo("http://example.test:8080/echo?a=1&b=%20");
            assertThat(recorded.httpVersion()).isEqualTo("HTTP/1.1");
            assertThat(recorded.requestHeaders()).extracting(h -> h.name() + ": " + h.value()).containsExactly(
                    "Host: example.test:8080", "X-Api-Key: [redacted]", "Accept: text/plain", "Accept: text/html");
            assertThat(recorded.requestBody().size()).isEqualTo(5);
            assertThat(recorded.status()).isEqualTo(201);
            assertThat(recorded.responseHeaders()).extracting(h -> h.name() + ": " + h.value())
                    .containsExactly("Content-Type: text/plain");
            assertThat(recorded.responseBody().size()).isEqualTo(21);
            assertThat(recorded.responseBody().truncated()).isTrue();
        });
    }

    @Test
    void aBodySentInOnePieceIsRecordedThroughTheFilterAsHelidonsSendAdviceHandsItOverAndJournaledBeforeItIsWritten() {
        Request request = request("GET", "/hello", null, "Host", "h");
        Response response = new Response();

        new HelidonRequestRecorder().enter(request, response, recorder);
        assertThat(HelidonEntry.sent(response.filter, "xHello!".getBytes(StandardCharsets.UTF_8), 1, 6)).isTrue();
        response.headers.add(header("Content-Length", "6")); // what Helidon adds as it lays the response out
        response.headers.add(header("Connection", "keep-alive"));
        assertThat(journal).isEmpty();
        HelidonEntry.buffered(true);
        assertThat(journal).hasSize(1); // before Helidon writes it, and its whenSent listeners run
        response.sent();

        assertThat(journal).singleElement().satisfies(recorded -> {
            assertThat(recorded.url()).isEqualTo("http://h/hello");
            assertThat(recorded.responseHeaders()).extracting(h -> h.name() + ": " + h.value())
                    .containsExactly("Content-Length: 6", "Connection: keep-alive");
            assertThat(new String(recorded.responseBody().kept(), StandardCharsets.UTF_8)).isEqualTo("Hello!");
            assertThat(recorded.responseBody().truncated()).isFalse();
        });
    }

    @Test
    void aResponseSentWithoutABodyIsRecordedWhenSentAndASecureOneWithoutHostByItsPort() {
        Request request = request("GET", "/hello", "");
        request.secure = true;
        Response response = new Response();
        response.status = 404;

        new HelidonRequestRecorder().enter(request, response, recorder);
        assertThat(journal).isEmpty();
        response.sent();

        assertThat(journal).singleElement().satisfies(recorded -> {
            assertThat(recorded.url()).isEqualTo("https://localhost:8080/hello");
            assertThat(recorded.status()).isEqualTo(404);
            assertThat(recorded.responseBody().size()).isZero();
        });
        assertThat(recorder.servedPorts()).containsExactly(8080);
    }
}
