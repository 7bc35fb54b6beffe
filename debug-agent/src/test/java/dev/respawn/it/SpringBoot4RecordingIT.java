package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * The recorder on the Spring Boot 4 notes example (Tomcat 11, Spring MVC, Thymeleaf, JPA), through
 * the real respawn.jar: one worker takes a greeting with secrets, forms Spring binds (one refused
 * by validation), concurrent forms on kept-alive connections, and a request for no route, whose
 * JSON error page Spring Boot dispatches; its HAR says what was exchanged, and replays against a
 * fresh run.
 */
class SpringBoot4RecordingIT {

    private static final Duration SERVED = Duration.ofSeconds(90);
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path temp;

    private static String form(String text) {
        return "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void recordsTheNotesApplicationAndReplaysIt() throws Exception {
        int port = TestEnvironment.freePort();
        List<String> arguments = new ArrayList<>(List.of("--no-class-data-sharing",
                "--enable-recorder", "--recorder-directory", "recordings",
                "--recorder-redact", "X-Api-Key", "--"));
        arguments.addAll(command(port));
        String hello;
        HttpResponse<String> refused;
        HttpResponse<String> missing;
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/pid") != null);
            hello = ServerRecordingIT.send(port, "GET", "/hello", null, "Authorization", "Bearer s3cret",
                    "X-Api-Key", "k-123").body();
            HttpResponse<String> written = ServerRecordingIT.send(port, "POST", "/notes", form("Grüße ✓"),
                    "Content-Type", FORM);
            assertThat(written.statusCode()).isEqualTo(302);
            refused = ServerRecordingIT.send(port, "POST", "/notes", form(""), "Content-Type", FORM);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("class=\"error\"");
            List<CompletableFuture<Integer>> concurrent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String client = "client " + i;
                String text = client + " " + "x".repeat(i * 10);
                concurrent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return ServerRecordingIT.send(port, "POST", "/notes", form(text),
                                "Content-Type", FORM, "X-Client", client).statusCode();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (CompletableFuture<Integer> status : concurrent) {
                assertThat(status.get()).isEqualTo(302);
            }
            missing = ServerRecordingIT.send(port, "GET", "/nope", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }

        Path recordings = temp.resolve("recordings");
        Har har = Har.single(recordings);
        JsonObject greeting = har.entries("/hello").get(0);
        assertThat(new String(Har.responseBody(greeting), StandardCharsets.UTF_8)).isEqualTo(hello);
        assertThat(Har.header(greeting.getAsJsonObject("request"), "Authorization")).containsExactly("[redacted]");
        assertThat(Har.header(greeting.getAsJsonObject("request"), "X-Api-Key")).containsExactly("[redacted]");
        assertThat(Files.readString(Har.files(recordings, ".har").get(0))).doesNotContain("s3cret", "k-123");

        List<JsonObject> notes = har.entries("/notes");
        assertThat(notes).hasSize(14);
        assertThat(new String(Har.requestBody(notes.get(0)), StandardCharsets.UTF_8)).isEqualTo(form("Grüße ✓"));
        JsonObject invalid = notes.stream().filter(e -> e.getAsJsonObject("response").get("status").getAsInt() == 200)
                .findFirst().orElseThrow();
        assertThat(new String(Har.requestBody(invalid), StandardCharsets.UTF_8)).isEqualTo(form(""));
        assertThat(new String(Har.responseBody(invalid), StandardCharsets.UTF_8)).isEqualTo(refused.body());
        for (JsonObject exchange : notes) {
            List<String> client = Har.header(exchange.getAsJsonObject("request"), "X-Client");
            if (!client.isEmpty()) {
                assertThat(new String(Har.requestBody(exchange), StandardCharsets.UTF_8))
                        .startsWith(form(client.get(0) + " "));
                assertThat(exchange.getAsJsonObject("response").get("status").getAsInt()).isEqualTo(302);
            }
        }

        JsonObject unknown = har.entries("/nope").get(0);
        assertThat(unknown.getAsJsonObject("response").get("status").getAsInt()).isEqualTo(404);
        assertThat(new String(Har.responseBody(unknown), StandardCharsets.UTF_8)).isEqualTo(missing.body());

        replayAgainstAFreshRun(Har.files(recordings, ".har").get(0));
    }

    private static List<String> command(int port) {
        return FrameworkExample.command(TestEnvironment.java(), "spring-boot4", "dev.respawn.examples.notes.NotesApp", port);
    }

    private void replayAgainstAFreshRun(Path har) throws Exception {
        int port = TestEnvironment.freePort();
        try (RespawnProcess fresh = RespawnProcess.start(temp, command(port), Map.of(), "fresh")) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/pid") != null);
            try (RespawnProcess replay = RespawnProcess.supervisor(temp, List.of("replay", har.toString(),
                    "--target", "http://127.0.0.1:" + port))) {
                replay.awaitExit(SERVED);
                String out = replay.stdout();
                assertThat(out).containsPattern("ok +#\\d+ GET /hello").doesNotContainPattern("DIFF +#\\d+ POST /notes")
                        .contains(" 0 failed");
                assertThat(java.util.regex.Pattern.compile("ok +#\\d+ POST /notes").matcher(out).results().count())
                        .as(out).isEqualTo(14);
            }
        }
    }
}
