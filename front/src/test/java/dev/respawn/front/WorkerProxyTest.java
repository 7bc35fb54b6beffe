package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * Requests with a body, which take Jetty's proxy ({@link WorkerProxy}), reach the application with
 * the client's own headers and nothing of the proxy's: an application reads its User-Agent.
 */
class WorkerProxyTest {

    @TempDir
    Path temp;
    private final Gate gate = new Gate();
    private HttpServer application;
    private Server front;
    private int frontPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final java.util.concurrent.CountDownLatch eventsAsked = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        application.createContext("/events", exchange -> {
            // An event stream that has not begun: the headers wait for a first event that never comes.
            eventsAsked.countDown();
        });
        application.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            List<String> agents = exchange.getRequestHeaders().getOrDefault("User-Agent", List.of());
            byte[] body = String.join("|", agents).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        application.start();
        TestFront started = TestFront.start(gate, temp, null);
        front = started.server();
        frontPort = started.port();
        gate.open(application.getAddress().getPort());
    }

    @AfterEach
    void stop() throws Exception {
        front.stop();
        application.stop(0);
    }

    @Test
    void aPostReachesTheApplicationWithTheClientsUserAgentAlone() throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontPort + "/echo"))
                .header("User-Agent", "curl/7.88.1").POST(HttpRequest.BodyPublishers.ofString("ping")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.body()).as("the User-Agent headers the application got").isEqualTo("curl/7.88.1");
    }

    @Test
    void aPostWithoutUserAgentReachesTheApplicationWithoutOne() throws Exception {
        String request = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nConnection: close\r\n\r\nping";
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", frontPort)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n");
        }
    }

    @Test
    void anEventSourcesRequestAReloadCutBeforeItsStreamBeganGetsAnEmptyStreamToReconnectAfter() throws Exception {
        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontPort + "/events"))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(eventsAsked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        gate.hold();
        application.stop(0);

        HttpResponse<String> cut = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(cut.statusCode()).as("a 502 would stop an EventSource for good").isEqualTo(200);
        assertThat(cut.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(cut.body()).isEmpty();
    }
}
