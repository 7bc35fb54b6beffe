package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;

/**
 * The recorder, through the real respawn.jar, against real servers (the JDK's HttpServer,
 * Tomcat 11 with Jakarta Servlet, Tomcat 9 with javax Servlet): what the HAR says was sent and
 * answered is what was sent and answered.
 */
class RecorderIT {

    private static final Duration SERVED = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    private RespawnProcess supervise(RecordedServer server, int port, List<String> options, String... jvmOptions)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--no-class-data-sharing",
                "--enable-recorder", "--recorder-directory", "recordings"));
        arguments.addAll(options);
        arguments.add("--");
        arguments.addAll(server.command(port, jvmOptions));
        RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments);
        awaitServing(port);
        return respawn;
    }

    private static void awaitServing(int port) {
        await().atMost(SERVED).pollInterval(Duration.ofMillis(50)).until(() -> Http.bodyOrNull(port, "/pid") != null);
    }

    private Har stop(RespawnProcess respawn) throws Exception {
        respawn.terminate();
        respawn.awaitExit(SERVED);
        return Har.single(temp.resolve("recordings"));
    }

    private static HttpResponse<byte[]> post(int port, String path, String type, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(SERVED).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest
    @EnumSource(RecordedServer.class)
    void recordsHeadersAndBodiesExactlyWithSecretsRedacted(RecordedServer server) throws Exception {
        int port = TestEnvironment.freePort();
        String json = "{\"greeting\":\"Grüße ✓\",\"n\":1}";
        byte[] binary = new byte[3000];
        new Random(42).nextBytes(binary);
        Har har;
        String sentType;
        try (RespawnProcess respawn = supervise(server, port, List.of("--recorder-redact", "X-Api-Key"))) {
            HttpResponse<byte[]> text = post(port, "/echo?q=a%20b&x=1", "application/json; charset=utf-8",
                    json.getBytes(StandardCharsets.UTF_8), "X-Trace", "t-1", "X-Api-Key", "k-123",
                    "Authorization", "Bearer s3cret", "Cookie", "session=abc");
            assertThat(new String(text.body(), StandardCharsets.UTF_8)).isEqualTo(json);
            sentType = text.headers().firstValue("Content-Type").orElseThrow();
            HttpResponse<byte[]> bytes = post(port, "/echo", "application/octet-stream", binary);
            assertThat(bytes.body()).isEqualTo(binary);
            har = stop(respawn);
        }

        List<JsonObject> echoes = har.entries("/echo");
        assertThat(echoes).hasSize(2);
        JsonObject first = echoes.stream().filter(e -> Har.urlPath(e).contains("?")).findFirst().orElseThrow();
        JsonObject request = first.getAsJsonObject("request");
        assertThat(request.get("method").getAsString()).isEqualTo("POST");
        assertThat(request.get("url").getAsString()).isEqualTo("http://127.0.0.1:" + port + "/echo?q=a%20b&x=1");
        assertThat(request.get("httpVersion").getAsString()).isEqualTo("HTTP/1.1");
        assertThat(request.getAsJsonArray("queryString").toString()).contains("{\"name\":\"q\",\"value\":\"a b\"}");
        assertThat(Har.header(request, "X-Trace")).containsExactly("t-1");
        assertThat(Har.header(request, "Content-Type")).containsExactly("application/json; charset=utf-8");
        assertThat(Har.header(request, "Authorization")).containsExactly("[redacted]");
        assertThat(Har.header(request, "Cookie")).containsExactly("[redacted]");
        assertThat(Har.header(request, "X-Api-Key")).containsExactly("[redacted]");
        assertThat(request.getAsJsonObject("postData").has("_encoding")).isFalse();
        assertThat(new String(Har.requestBody(first), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(request.get("bodySize").getAsLong()).isEqualTo(json.getBytes(StandardCharsets.UTF_8).length);
        JsonObject response = first.getAsJsonObject("response");
        assertThat(response.get("status").getAsInt()).isEqualTo(200);
        // As the server sent it (Tomcat writes it without the space).
        assertThat(Har.header(response, "Content-Type")).containsExactly(sentType);
        assertThat(response.getAsJsonObject("content").has("encoding")).isFalse();
        assertThat(new String(Har.responseBody(first), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(Files.readString(Har.files(temp.resolve("recordings"), ".har").get(0)))
                .doesNotContain("s3cret", "session=abc", "k-123");

        JsonObject second = echoes.stream().filter(e -> !Har.urlPath(e).contains("?")).findFirst().orElseThrow();
        assertThat(second.getAsJsonObject("request").getAsJsonObject("postData").get("_encoding").getAsString())
                .isEqualTo("base64");
        assertThat(Har.requestBody(second)).isEqualTo(binary);
        assertThat(second.getAsJsonObject("response").getAsJsonObject("content").get("encoding").getAsString())
                .isEqualTo("base64");
        assertThat(Har.responseBody(second)).isEqualTo(binary);
        assertThat(second.getAsJsonObject("response").get("bodySize").getAsLong()).isEqualTo(binary.length);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("recordings"))))
                .isEqualTo("rwx------");
        if (server == RecordedServer.JAKARTA || server == RecordedServer.JAVAX) {
            assertThat(Har.header(response, "X-Multi")).containsExactly("one", "two");
        }
    }

    @Test
    void twoHundredConcurrentExchangesAreRecordedWholeAndApart() throws Exception {
        int port = TestEnvironment.freePort();
        int count = 200;
        Har har;
        try (RespawnProcess respawn = supervise(RecordedServer.JAKARTA, port, List.of())) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = "body-" + i + "-" + "x".repeat(1000 + i * 37);
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo?n=" + i))
                        .timeout(SERVED).header("Content-Type", "text/plain; charset=utf-8").header("X-Request", "r" + i)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                responses.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
            har = stop(respawn);
        }

        List<JsonObject> echoes = har.entries("/echo");
        assertThat(echoes).hasSize(count);
        Set<String> ids = new HashSet<>();
        Set<Integer> seen = new HashSet<>();
        for (JsonObject entry : echoes) {
            int n = Integer.parseInt(Har.urlPath(entry).substring("/echo?n=".length()));
            String expected = "body-" + n + "-" + "x".repeat(1000 + n * 37);
            assertThat(Har.header(entry.getAsJsonObject("request"), "X-Request")).containsExactly("r" + n);
            assertThat(new String(Har.requestBody(entry), StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(new String(Har.responseBody(entry), StandardCharsets.UTF_8)).isEqualTo(expected);
            ids.add(entry.get("_id").getAsString());
            seen.add(n);
        }
        assertThat(ids).hasSize(count);
        assertThat(seen).hasSize(count);
    }

    @Test
    void aLargeUploadPassesThroughAWorkerWithASmallHeap() throws Exception {
        int port = TestEnvironment.freePort();
        long size = 200L * 1024 * 1024;
        Har har;
        try (RespawnProcess respawn = supervise(RecordedServer.JAKARTA, port, List.of(), "-Xmx64m")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upload"))
                    .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new Pattern(size)), size))
                    .build();
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.body().strip()).isEqualTo(size + " bytes");
            har = stop(respawn);
            assertThat(respawn.stderr()).doesNotContain("OutOfMemoryError");
        }

        JsonObject upload = har.entries("/upload").get(0);
        JsonObject request = upload.getAsJsonObject("request");
        assertThat(request.get("bodySize").getAsLong()).isEqualTo(size);
        JsonObject postData = request.getAsJsonObject("postData");
        assertThat(postData.get("_truncated").getAsBoolean()).isTrue();
        assertThat(postData.get("comment").getAsString()).contains("1048576 of " + size);
        byte[] kept = Har.requestBody(upload);
        assertThat(kept).hasSize(1 << 20);
        byte[] expected = new Pattern(1 << 20).readAllBytes();
        assertThat(kept).isEqualTo(expected);
    }

    @Test
    void aKilledWorkersJournalBecomesHarWithTheHarCommand() throws Exception {
        int port = TestEnvironment.freePort();
        Path recordings = temp.resolve("recordings");
        List<String> command = new ArrayList<>(List.of(TestEnvironment.java(),
                "-javaagent:" + TestEnvironment.respawnJar() + "=enable-recorder,recorder-directory=" + recordings));
        command.addAll(RecordedServer.JDK.command(port).subList(1, RecordedServer.JDK.command(port).size()));
        try (RespawnProcess worker = RespawnProcess.start(temp, command, Map.of(), "worker")) {
            awaitServing(port);
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get(port, "/hello?n=" + i).statusCode()).isEqualTo(200);
            }
            worker.handle().destroyForcibly();
            worker.awaitExit(SERVED);
        }
        assertThat(Har.files(recordings, ".har")).isEmpty();
        assertThat(Har.files(recordings, ".journal")).hasSize(1);

        try (RespawnProcess har = RespawnProcess.supervisor(temp, List.of("har", recordings.toString()))) {
            assertThat(har.awaitExit(SERVED)).isEqualTo(0);
            assertThat(har.stdout()).containsPattern("\\.har: \\d+ exchanges");
        }
        assertThat(Har.files(recordings, ".journal")).isEmpty();
        List<JsonObject> hellos = Har.single(recordings).entries("/hello?n=");
        assertThat(hellos).extracting(Har::urlPath)
                .containsExactly("/hello?n=0", "/hello?n=1", "/hello?n=2", "/hello?n=3", "/hello?n=4");
    }

    /** A repeating byte pattern of a given length, made as it is read: a big body never in memory. */
    private static final class Pattern extends InputStream {
        private final long size;
        private long position;

        Pattern(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) (position++ * 31 % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) (position++ * 31 % 251);
            }
            return n;
        }
    }
}
