package dev.respawn.recorder.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;

class RecordingServerProviderTest {

    private final List<RecordedExchange> journal = new CopyOnWriteArrayList<>();

    @AfterEach
    void deactivate() {
        Recorder.activate(null);
    }

    @Test
    void recordsAnExchangeBeforeTheClientHasItsResponse() throws Exception {
        Recorder.activate(new Recorder(4, new Redactor(List.of(), false), journal::add, Clock.systemUTC(), 1));
        HttpServer server = new RecordingServerProvider()
                .createHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().add("X-Seen", "yes");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/echo?x=1"))
                    .header("Authorization", "Basic abc").POST(HttpRequest.BodyPublishers.ofString("hello world"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("hello world");

            assertThat(journal).hasSize(1);
            RecordedExchange exchange = journal.get(0);
            assertThat(exchange.method()).isEqualTo("POST");
            assertThat(exchange.url()).endsWith("/echo?x=1");
            assertThat(exchange.status()).isEqualTo(201);
            assertThat(RecordedExchange.first(exchange.requestHeaders(), "Authorization")).isEqualTo("[redacted]");
            assertThat(exchange.responseHeaders()).contains(new Header("X-seen", "yes"));
            assertThat(new String(exchange.requestBody().kept(), StandardCharsets.UTF_8)).isEqualTo("hell");
            assertThat(exchange.requestBody().size()).isEqualTo(11);
            assertThat(exchange.responseBody().size()).isEqualTo(11);
            assertThat(exchange.id()).isEqualTo("1-1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anExchangeWhoseHandlerFailedMidResponseIsRecordedAsAbortedNotAsWhatTheClientGot() throws Exception {
        Recorder.activate(new Recorder(1024, new Redactor(List.of(), false), journal::add, Clock.systemUTC(), 1));
        HttpServer server = new RecordingServerProvider()
                .createHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cut", exchange -> {
            exchange.sendResponseHeaders(200, 10);
            exchange.getResponseBody().write("Hel".getBytes(StandardCharsets.UTF_8));
            throw new java.io.IOException("the connection went away");
        });
        server.start();
        try {
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cut")).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);

            assertThat(journal).hasSize(1);
            RecordedExchange exchange = journal.get(0);
            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.responseBody().size()).isEqualTo(3);
            assertThat(exchange.error()).isEqualTo(
                    "the response never completed: java.io.IOException: the connection went away");
        } finally {
            server.stop(0);
        }
    }
}
