package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * What a Servlet container reads and writes past the application's own streams is recorded as
 * exchanged: a form post Tomcat parses itself (getParameter), the error report Tomcat writes
 * itself after sendError, and the error page a container dispatches (Spring Boot's /error).
 */
class ServletBodiesIT {

    private static final Duration SERVED = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void recordsTheBodyOfAFormTheContainerParsedAndTheErrorReportItWrote() throws Exception {
        int port = TestEnvironment.freePort();
        List<String> arguments = new ArrayList<>(List.of("--no-class-data-sharing",
                "--enable-recorder", "--recorder-directory", "recordings", "--"));
        arguments.addAll(RecordedServer.JAKARTA.command(port));
        String form = "name=Ada+Lovelace&city=K%C3%B6ln";
        String report;
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(100)).until(() -> Http.bodyOrNull(port, "/pid") != null);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/form")).timeout(SERVED)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).startsWith("Hello, Ada Lovelace");
            // No doPost: HttpServlet sends 405, and Tomcat writes its own error report.
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/hello")).timeout(SERVED)
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(405);
            report = refused.body();
            assertThat(report).contains("405");
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        Har har = Har.single(temp.resolve("recordings"));
        JsonObject refused = har.entries("/hello").stream()
                .filter(e -> e.getAsJsonObject("request").get("method").getAsString().equals("POST")).findFirst().orElseThrow();
        assertThat(refused.getAsJsonObject("response").get("status").getAsInt()).isEqualTo(405);
        assertThat(new String(Har.responseBody(refused), StandardCharsets.UTF_8)).isEqualTo(report);
        JsonObject posted = har.entries("/form").get(0);
        assertThat(new String(Har.requestBody(posted), StandardCharsets.UTF_8)).isEqualTo(form);
        assertThat(posted.getAsJsonObject("request").get("bodySize").getAsLong()).isEqualTo(form.length());
    }

    @Test
    void recordsTheErrorPageSpringBootDispatchesAfterSendError() throws Exception {
        int port = TestEnvironment.freePort();
        List<String> arguments = new ArrayList<>(List.of("--no-class-data-sharing",
                "--enable-recorder", "--recorder-directory", "recordings", "--"));
        arguments.addAll(FrameworkExample.command(TestEnvironment.java(), "spring-boot",
                "dev.respawn.examples.spring.SpringApp", port));
        String page;
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/pid") != null);
            HttpResponse<String> missing = Http.get(port, "/nope");
            assertThat(missing.statusCode()).isEqualTo(404);
            page = missing.body();
            assertThat(page).contains("\"status\":404");
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        List<JsonObject> entries = Har.single(temp.resolve("recordings")).entries("/nope");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getAsJsonObject("response").get("status").getAsInt()).isEqualTo(404);
        assertThat(new String(Har.responseBody(entries.get(0)), StandardCharsets.UTF_8)).isEqualTo(page);
    }
}
