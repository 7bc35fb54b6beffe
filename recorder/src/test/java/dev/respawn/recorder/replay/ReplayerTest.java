package dev.respawn.recorder.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.har.HarReader;

class ReplayerTest {

    @Test
    void anExchangeRecordedWithoutAWholeResponseIsSkippedNotComparedWithAnEmptyBody() {
        // Nothing listens there: an exchange that were sent would fail, not be skipped.
        Replayer replayer = new Replayer(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"), List.of());
        HarReader.Entry aborted = new HarReader.Entry("GET", "http://127.0.0.1:8080/hello", List.of(), new byte[0],
                false, 200, List.of(), new byte[0], 0, "text/plain",
                "the response never completed: java.io.IOException: stream is closed");

        Outcome outcome = replayer.replay(5, aborted);

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.SKIPPED);
        assertThat(outcome.request()).isEqualTo("GET /hello");
        assertThat(outcome.lines()).singleElement().asString().contains("stream is closed");
    }

    @Test
    void aRedirectToTheRecordedServerIsExpectedToNameTheTargetNow() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String target = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            String location = exchange.getRequestURI().getPath().equals("/notes") ? target + "/" : "http://elsewhere:8080/";
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            Replayer replayer = new Replayer(HttpClient.newHttpClient(), URI.create(target), List.of());

            Outcome own = replayer.replay(1, redirect("/notes", "http://127.0.0.1:8080/"));
            Outcome other = replayer.replay(2, redirect("/away", "http://elsewhere:8080/"));
            Outcome moved = replayer.replay(3, redirect("/notes", "http://127.0.0.1:8080/old"));

            assertThat(own.kind()).as(own.lines().toString()).isEqualTo(Outcome.Kind.MATCH);
            assertThat(other.kind()).as(other.lines().toString()).isEqualTo(Outcome.Kind.MATCH);
            assertThat(moved.kind()).isEqualTo(Outcome.Kind.DIFFERENT);
            assertThat(moved.lines()).containsExactly("header Location: [" + target + "/old] -> [" + target + "/]");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aGzipResponseIsDecodedBeforeItIsComparedAndTheRecordedClientsCodingsAreAskedFor() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> asked = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            asked.add(String.valueOf(accept));
            byte[] body = exchange.getRequestURI().getPath().equals("/same") ? "the text".getBytes() : "other".getBytes();
            if (accept != null && accept.contains("gzip")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                    gzip.write(body);
                }
                body = out.toByteArray();
                exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            }
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Replayer replayer = new Replayer(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), List.of());

            Outcome same = replayer.replay(1, gzipped("/same"));
            Outcome other = replayer.replay(2, gzipped("/other"));

            assertThat(same.kind()).as(same.lines().toString()).isEqualTo(Outcome.Kind.MATCH);
            assertThat(other.kind()).isEqualTo(Outcome.Kind.DIFFERENT);
            assertThat(other.lines()).contains("body differs:");
            assertThat(asked).containsExactly("gzip, deflate", "gzip, deflate");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyTheCodingsAReplayDecodesAreAskedFor() {
        assertThat(Replayer.decodable("gzip, deflate, br, zstd")).isEqualTo("gzip, deflate");
        assertThat(Replayer.decodable("br;q=1.0, gzip;q=0.8, *;q=0.1")).isEqualTo("gzip;q=0.8");
        assertThat(Replayer.decodable("br")).isEmpty();
        assertThat(Replayer.decodable(null)).isEmpty();
    }

    /** As HAR holds it: the decoded text, with the recorded headers saying it came gzip. */
    private static HarReader.Entry gzipped(String path) {
        return new HarReader.Entry("GET", "http://127.0.0.1:8080" + path,
                List.of(new Header("Accept-Encoding", "gzip, deflate, br")), new byte[0], false, 200,
                List.of(new Header("Content-Encoding", "gzip")), "the text".getBytes(), 8, "text/plain", null);
    }

    private static HarReader.Entry redirect(String path, String location) {
        return new HarReader.Entry("POST", "http://127.0.0.1:8080" + path, List.of(), new byte[0], false, 302,
                List.of(new Header("Location", location)), new byte[0], 0, "", null);
    }
}
