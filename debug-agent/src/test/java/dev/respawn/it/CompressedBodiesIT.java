package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * A response a server sent gzip-encoded (Vert.x with compression on, in this test's own small
 * application) is in the HAR as browsers write it: the decoded text, its decoded size, and the
 * bytes the coding saved; a route the application sends uncoded stays as it was; a request body
 * sent gzip-coded is in the HAR decoded too, with the bytes as sent; and a replay of the recording
 * against a fresh run asks for gzip again, sends the coded request body as it was, and matches.
 */
class CompressedBodiesIT {

    private static final Duration SERVED = Duration.ofSeconds(90);
    /** HTTP/1.1, as the recorder records it: Vert.x would take the JDK client's h2c upgrade. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String TEXT = "a line the server compresses well\n".repeat(400);

    /** Every response gzip-coded when the client accepts it, but for one route that says identity. */
    private static final String APP = """
            package compressing;

            import io.vertx.core.Vertx;
            import io.vertx.core.http.HttpServerOptions;

            public final class CompressingApp {
                public static void main(String[] args) {
                    String text = "a line the server compresses well\\n".repeat(400);
                    Vertx.vertx().createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                            .requestHandler(request -> {
                                var response = request.response().putHeader("content-type", "text/plain; charset=utf-8");
                                switch (request.path()) {
                                    case "/text" -> response.end(text);
                                    case "/chunked" -> {
                                        response.setChunked(true);
                                        for (int i = 0; i < 4; i++) {
                                            response.write(text.substring(i * text.length() / 4, (i + 1) * text.length() / 4));
                                        }
                                        response.end();
                                    }
                                    case "/uncoded" -> response.putHeader("content-encoding", "identity").end(text);
                                    // Says what came, as bytes on the wire: a replay sending other bytes differs.
                                    case "/upload" -> request.body().onSuccess(body -> response.end(
                                            request.getHeader("content-encoding") + " " + digest(body.getBytes())));
                                    default -> response.setStatusCode(404).end();
                                }
                            })
                            .listen(Integer.parseInt(args[0]), "127.0.0.1");
                }

                private static String digest(byte[] bytes) {
                    try {
                        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                    } catch (java.security.NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void gzipBodiesAreRecordedDecodedAndReplayAsSentAgainstAFreshRun() throws Exception {
        Path classes = compile();
        Path recordings = temp.resolve("recordings");
        byte[] textSent;
        byte[] chunkedSent;
        byte[] uploaded = gzip(TEXT.getBytes(StandardCharsets.UTF_8));
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, command(classes, port,
                "--no-class-data-sharing", "--enable-recorder", "--recorder-directory", recordings.toString()))) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/text") != null);
            textSent = gzipped(port, "/text");
            chunkedSent = gzipped(port, "/chunked");
            HttpResponse<String> uncoded = CLIENT.send(HttpRequest.newBuilder(uri(port, "/uncoded"))
                    .header("Accept-Encoding", "gzip").timeout(SERVED).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(uncoded.body()).isEqualTo(TEXT);
            HttpResponse<String> upload = CLIENT.send(HttpRequest.newBuilder(uri(port, "/upload"))
                    .header("Content-Type", "text/plain; charset=utf-8").header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(uploaded)).timeout(SERVED).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.body()).startsWith("gzip ");
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        Har har = Har.single(recordings);
        assertDecoded(coded(har.entries("/text")), textSent.length);
        assertDecoded(coded(har.entries("/chunked")), chunkedSent.length);
        JsonObject uncoded = har.entries("/uncoded").get(0).getAsJsonObject("response");
        assertThat(uncoded.getAsJsonObject("content").get("text").getAsString()).isEqualTo(TEXT);
        assertThat(uncoded.getAsJsonObject("content").has("compression")).isFalse();
        assertThat(uncoded.get("bodySize").getAsLong()).isEqualTo(TEXT.length());
        JsonObject request = har.entries("/upload").get(0).getAsJsonObject("request");
        JsonObject postData = request.getAsJsonObject("postData");
        assertThat(postData.get("text").getAsString()).isEqualTo(TEXT);
        assertThat(Base64.getDecoder().decode(postData.get("_sent").getAsString())).isEqualTo(uploaded);
        assertThat(request.get("bodySize").getAsLong()).isEqualTo(uploaded.length);

        Path file = Har.files(recordings, ".har").get(0);
        int again = TestEnvironment.freePort();
        try (RespawnProcess fresh = RespawnProcess.supervisor(Files.createDirectories(temp.resolve("fresh")),
                command(classes, again))) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(again, "/text") != null);
            try (RespawnProcess replay = RespawnProcess.supervisor(temp, List.of("replay", file.toString(),
                    "--target", "http://127.0.0.1:" + again))) {
                assertThat(replay.awaitExit(SERVED)).as(replay.stdout()).isEqualTo(0);
                assertThat(replay.stdout()).contains("5 match, 0 differ, 0 failed");
            }
        }
    }

    /** The one entry whose response came gzip-coded (the test's polling asked for none). */
    private static JsonObject coded(List<JsonObject> entries) {
        List<JsonObject> coded = entries.stream()
                .filter(e -> !Har.header(e.getAsJsonObject("response"), "Content-Encoding").isEmpty()).toList();
        assertThat(coded).hasSize(1);
        return coded.get(0);
    }

    private static void assertDecoded(JsonObject entry, int sent) {
        JsonObject response = entry.getAsJsonObject("response");
        assertThat(Har.header(response, "Content-Encoding")).containsExactly("gzip");
        JsonObject content = response.getAsJsonObject("content");
        assertThat(content.get("text").getAsString()).isEqualTo(TEXT);
        assertThat(content.has("encoding")).as("base64").isFalse();
        assertThat(content.get("size").getAsLong()).isEqualTo(TEXT.length());
        assertThat(content.get("compression").getAsLong()).isEqualTo(TEXT.length() - sent);
        assertThat(response.get("bodySize").getAsLong()).isEqualTo(sent);
    }

    /** The application, compiled against the Vert.x example's libraries. */
    private Path compile() throws IOException {
        Path source = temp.resolve("src/compressing/CompressingApp.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, APP);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        String jars; // javac, unlike the java launcher, takes no folder/* on its class path
        try (Stream<Path> list = Files.list(TestEnvironment.examples().resolve("vertx/target/lib"))) {
            jars = list.map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        int result = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", jars, source.toString());
        assertThat(result).as("javac").isZero();
        return classes;
    }

    private static String libraries() {
        return TestEnvironment.examples().resolve("vertx/target/lib") + File.separator + "*";
    }

    private static List<String> command(Path classes, int port, String... options) {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--", TestEnvironment.java(), "-cp", classes + File.pathSeparator + libraries(),
                "compressing.CompressingApp", Integer.toString(port)));
        return arguments;
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    /** Asked for as a browser asks, answered gzip-coded: the bytes as they came. */
    private static byte[] gzipped(int port, String path) throws Exception {
        HttpResponse<byte[]> response = CLIENT.send(HttpRequest.newBuilder(uri(port, path))
                .header("Accept-Encoding", "gzip, deflate, br").timeout(SERVED).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
        }
        return response.body();
    }
}
