package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The recorder on every framework example's own server, through the real respawn.jar (Netty under
 * Vert.x, Spring WebFlux and Micronaut; Undertow's and Jetty 12's cores; Helidon SE 4; Jetty's
 * servlets under its own guide, Dropwizard and Javalin; the JDK's HttpServer; Quarkus REST on Vert.x): one worker per
 * framework answers plain, secret, large and concurrent requests on kept-alive connections, a
 * failing one and one for no route; its HAR says what was exchanged, error pages the server wrote
 * itself included, the failure's report names the request, and the HAR replays against a fresh run.
 */
class ServerRecordingIT {

    private static final Duration SERVED = Duration.ofSeconds(90);
    private static final int LIMIT = 2000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path temp;

    static HttpResponse<String> send(int port, String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(SERVED).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String echo(int port, String type, String body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("Content-Type", type));
        all.addAll(List.of(headers));
        HttpResponse<String> response = send(port, "POST", "/echo", body, all.toArray(String[]::new));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @ParameterizedTest
    @EnumSource(FrameworkExample.class)
    void recordsWhatTheServerExchangedAndReplaysIt(FrameworkExample framework) throws Exception {
        assumeThat(framework.java()).as("a JDK to run " + framework).isPresent();
        assumeThat(framework.selected()).as(framework + " among -Drespawn.it.frameworks").isTrue();
        int port = TestEnvironment.freePort();
        List<String> arguments = new ArrayList<>(List.of("--no-class-data-sharing",
                "--enable-recorder", "--recorder-directory", "recordings",
                "--recorder-body-limit", Integer.toString(LIMIT), "--recorder-redact", "X-Api-Key",
                "--capture-exceptions"));
        arguments.addAll(framework.respawnOptions());
        arguments.add("--");
        arguments.addAll(framework.command(port));
        String json = "{\"greeting\":\"Grüße ✓\"}";
        String large = "0123456789abcdef".repeat(6250); // 100,000 bytes, streamed past the limit
        String hello;
        HttpResponse<String> failure;
        HttpResponse<String> missing;
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/hello") != null);
            hello = send(port, "GET", "/hello", null).body();
            assertThat(echo(port, "application/json", json, "Authorization", "Bearer s3cret", "X-Api-Key", "k-123"))
                    .isEqualTo(json);
            assertThat(echo(port, "text/plain", large)).isEqualTo(large);
            List<CompletableFuture<String>> concurrent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String body = "client " + i + " " + "x".repeat(i * 100);
                concurrent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return echo(port, "text/plain", body, "X-Client", body.substring(0, body.indexOf(' ', 7)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (int i = 0; i < 12; i++) {
                assertThat(concurrent.get(i).get()).startsWith("client " + i + " ");
            }
            failure = send(port, "GET", "/fail?item=x", null);
            assertThat(failure.statusCode()).isEqualTo(500);
            missing = send(port, "GET", "/nope", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }

        Path recordings = temp.resolve("recordings");
        Har har = Har.single(recordings);
        JsonObject greeting = har.entries("/hello").get(har.entries("/hello").size() - 1);
        assertThat(new String(Har.responseBody(greeting), StandardCharsets.UTF_8)).isEqualTo(hello);
        assertThat(greeting.getAsJsonObject("response").get("status").getAsInt()).isEqualTo(200);
        if (framework == FrameworkExample.HELIDON_SE) { // the headers Helidon adds as it lays a body sent in one piece out
            assertThat(Har.header(greeting.getAsJsonObject("response"), "Content-Length"))
                    .containsExactly(Integer.toString(hello.getBytes(StandardCharsets.UTF_8).length));
            assertThat(Har.header(greeting.getAsJsonObject("response"), "Connection")).containsExactly("keep-alive");
        }

        List<JsonObject> echoes = har.entries("/echo");
        assertThat(echoes).hasSize(14);
        JsonObject secret = echoes.stream().filter(e -> !Har.header(e.getAsJsonObject("request"), "X-Api-Key").isEmpty())
                .findFirst().orElseThrow();
        assertThat(secret.getAsJsonObject("request").get("url").getAsString())
                .isEqualTo("http://127.0.0.1:" + port + "/echo");
        assertThat(Har.header(secret.getAsJsonObject("request"), "Authorization")).containsExactly("[redacted]");
        assertThat(Har.header(secret.getAsJsonObject("request"), "X-Api-Key")).containsExactly("[redacted]");
        assertThat(new String(Har.requestBody(secret), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(new String(Har.responseBody(secret), StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(Files.readString(Har.files(recordings, ".har").get(0))).doesNotContain("s3cret", "k-123");

        JsonObject big = echoes.stream().filter(e -> e.getAsJsonObject("request").get("bodySize").getAsLong() == 100_000)
                .findFirst().orElseThrow();
        assertThat(big.getAsJsonObject("request").getAsJsonObject("postData").get("_truncated").getAsBoolean()).isTrue();
        assertThat(new String(Har.requestBody(big), StandardCharsets.UTF_8)).isEqualTo(large.substring(0, LIMIT));
        assertThat(big.getAsJsonObject("response").get("bodySize").getAsLong()).isEqualTo(100_000);
        assertThat(new String(Har.responseBody(big), StandardCharsets.UTF_8)).isEqualTo(large.substring(0, LIMIT));

        for (JsonObject exchange : echoes) {
            List<String> client = Har.header(exchange.getAsJsonObject("request"), "X-Client");
            if (!client.isEmpty()) {
                String request = new String(Har.requestBody(exchange), StandardCharsets.UTF_8);
                assertThat(request).startsWith(client.get(0) + " ");
                assertThat(new String(Har.responseBody(exchange), StandardCharsets.UTF_8)).isEqualTo(request);
            }
        }

        // The error pages the server wrote itself, as the client received them.
        JsonObject failed = har.entries("/fail").get(0);
        assertThat(failed.getAsJsonObject("response").get("status").getAsInt()).isEqualTo(500);
        assertThat(new String(Har.responseBody(failed), StandardCharsets.UTF_8)).isEqualTo(failure.body());
        if (framework.routesEveryPath()) {
            JsonObject unknown = har.entries("/nope").get(0);
            assertThat(unknown.getAsJsonObject("response").get("status").getAsInt()).isEqualTo(404);
            assertThat(new String(Har.responseBody(unknown), StandardCharsets.UTF_8)).isEqualTo(missing.body());
        }
        if (framework.letsTheFailureEscape()) {
            JsonObject report = reports().filter(r -> r.has("request")).findFirst().orElseThrow();
            assertThat(report.getAsJsonObject("request").get("url").getAsString()).endsWith("/fail?item=x");
            assertThat(report.getAsJsonObject("request").get("exchange").getAsString())
                    .isEqualTo(failed.get("_id").getAsString());
        }

        replayAgainstAFreshRun(framework, Har.files(recordings, ".har").get(0));
    }

    @org.junit.jupiter.api.Test
    void namesThePortOfAServerItCannotRecord() throws Exception {
        // HTTP served straight off a ServerSocket: no server the recorder knows.
        Path source = temp.resolve("RawHttp.java");
        Files.writeString(source, """
                import java.io.*;
                import java.net.*;
                public class RawHttp {
                    public static void main(String[] args) throws IOException {
                        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
                            while (true) {
                                try (Socket client = server.accept()) {
                                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream()));
                                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) { }
                                    client.getOutputStream().write("HTTP/1.1 200 OK\\r\\nContent-Length: 3\\r\\nConnection: close\\r\\n\\r\\nraw".getBytes());
                                }
                            }
                        }
                    }
                }
                """);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--no-class-data-sharing",
                "--enable-recorder", "--recorder-directory",
                "recordings", "--", TestEnvironment.java(), source.toString(), Integer.toString(port)))) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/hello") != null);
            String line = "respawn: clients connect to port " + port + " but the recorder sees no request there";
            respawn.awaitStderr(line, SERVED);
            send(port, "GET", "/hello", null);
            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stderr().split(line, -1)).as("said once").hasSize(2);
        }
    }

    private void replayAgainstAFreshRun(FrameworkExample framework, Path har) throws Exception {
        int port = TestEnvironment.freePort();
        try (RespawnProcess fresh = RespawnProcess.start(temp, framework.command(port), Map.of(), "fresh")) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/hello") != null);
            try (RespawnProcess replay = RespawnProcess.supervisor(temp, List.of("replay", har.toString(),
                    "--target", "http://127.0.0.1:" + port))) {
                replay.awaitExit(SERVED);
                String out = replay.stdout();
                assertThat(out).containsPattern("ok +#\\d+ GET /hello").containsPattern("skip +#\\d+ POST /echo")
                        .doesNotContainPattern("DIFF +#\\d+ (GET /hello|POST /echo)").contains(" 0 failed");
                assertThat(java.util.regex.Pattern.compile("ok +#\\d+ POST /echo").matcher(out).results().count())
                        .as(out).isEqualTo(13);
            }
        }
    }

    private Stream<JsonObject> reports() throws Exception {
        Path directory = temp.resolve(".respawn/exceptions");
        await().atMost(SERVED).until(() -> Files.isDirectory(directory));
        try (Stream<Path> files = Files.list(directory)) {
            List<JsonObject> reports = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                reports.add(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
            }
            return reports.stream();
        }
    }
}
