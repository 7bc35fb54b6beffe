package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * A 5xx whose exception report the worker is writing names it: the worker writes the text report
 * first and its JSON twin after it, which on a busy machine took 300 ms more (its first JSON of a
 * JVM), past the front's patience.
 */
class ExceptionReportHeaderTest {

    @TempDir
    Path temp;
    private final Gate gate = new Gate();
    private HttpServer application;
    private Server front;
    private int frontPort;
    private Path exceptions;

    @BeforeEach
    void start() throws Exception {
        exceptions = Files.createDirectories(temp.resolve("exceptions"));
        application = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        application.createContext("/fail", exchange -> {
            // The text report only: its JSON twin comes later.
            Files.writeString(exceptions.resolve("2026-12-06_11-33-27.213-IllegalArgumentException.txt"), "report");
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        application.start();
        TestFront started = TestFront.start(gate, temp, exceptions);
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
    void aReportWhoseTextIsWrittenNamesItsJsonTwin() throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontPort + "/fail")).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue(ExceptionReportHeader.HEADER)).hasValue(
                exceptions.resolve("2026-12-06_11-33-27.213-IllegalArgumentException.json").toString());
    }
}
