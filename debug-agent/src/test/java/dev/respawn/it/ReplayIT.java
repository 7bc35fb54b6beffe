package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording replayed against the reloaded application, as a regression check. */
class ReplayIT {

    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void replayMatchesTheSameCodeAndShowsWhatAReloadChanged() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        Path recordings = temp.resolve("recordings");
        int port = TestEnvironment.freePort();
        // Restarts, not hot swaps: a HAR is written as a life of the application ends.
        List<String> arguments = List.of("--reload-on-changes", "--reload-mode", "restart", "--enable-recorder", "--recorder-directory",
                recordings.toString(), "--", TestEnvironment.java(), "-cp", "target/classes",
                "dev.respawn.examples.hello.HelloServer", Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            HttpResponse<String> echo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/echo")).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("same\nevery\ntime\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(echo.statusCode()).isEqualTo(200);

            // The restart writes the first worker's recording.
            app.edit(GREETING, "Hello from respawn", "Hello again");
            app.compile();
            Http.awaitBody(port, "/hello", "Hello again", SERVED);
            await().atMost(SERVED).until(() -> Har.files(recordings, ".har").size() == 1);
            Path har = Har.files(recordings, ".har").get(0);

            try (RespawnProcess replay = RespawnProcess.supervisor(temp, List.of("replay", har.toString(),
                    "--target", "http://127.0.0.1:" + port))) {
                assertThat(replay.awaitExit(SERVED)).isEqualTo(1);
                String out = replay.stdout();
                assertThat(out).containsPattern("ok +#\\d+ POST /echo");
                assertThat(out).containsPattern("DIFF #\\d+ GET /hello");
                assertThat(out).contains("-Hello from respawn", "+Hello again");
                assertThat(out).containsPattern("respawn: replayed \\d+ exchanges against http://127.0.0.1:" + port
                        + ": \\d+ match, \\d+ differ, 0 failed");
            }

            // Put the greeting back: the same recording now matches throughout.
            app.edit(GREETING, "Hello again", "Hello from respawn");
            app.compile();
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            try (RespawnProcess replay = RespawnProcess.supervisor(temp, List.of("replay", har.toString(),
                    "--target", "http://127.0.0.1:" + port, "--concurrency", "4"))) {
                assertThat(replay.awaitExit(SERVED)).as(replay.stdout()).isEqualTo(0);
                assertThat(replay.stdout()).contains(" 0 differ, 0 failed").doesNotContain("DIFF");
            }
        }
    }
}
