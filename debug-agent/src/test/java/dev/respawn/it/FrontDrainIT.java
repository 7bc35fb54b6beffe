package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart waits for the answers the front has already asked the worker for: a slow request
 * under way when a change lands gets its whole answer from the old code, and the change is
 * restarted once, for a new process and inside the JVM. (hello-http's JDK HttpServer stops without
 * waiting for its requests, as Vert.x does.)
 */
class FrontDrainIT {

    private static final Duration SERVED = Duration.ofSeconds(40);
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final String GREETING_CLASS = "dev/respawn/examples/hello/Greeting.class";
    /** Under {@code Front.ANSWER_BOUND}, and long enough for the change to land while it runs. */
    private static final int SLOW_MS = 1500;

    @TempDir
    Path temp;

    @Test
    void aProcessRestartWaitsForTheAnswerInFlight() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        app.edit(GREETING, "return \"Hello from respawn\";", "return \"Changed\";");
        answersInFlightThenRestartsOnce(app, "--reload-mode", "restart", "restarted in \\d");
    }

    @Test
    void aRestartInsideTheJvmWaitsForTheAnswerInFlight() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        // A new method: no hot swap takes it, a restart inside the JVM does.
        app.edit(GREETING, "    public static String message() {\n        return \"Hello from respawn\";",
                "    static String changed() {\n        return \"Changed\";\n    }\n\n"
                        + "    public static String message() {\n        return changed();");
        answersInFlightThenRestartsOnce(app, "--reload-mode", "auto", "restarted inside the JVM in");
    }

    /**
     * {@code app}'s sources already hold the change; it is compiled aside first, so that only a copy
     * of one class file lands while the slow request runs.
     */
    private void answersInFlightThenRestartsOnce(ExampleWorkspace app, String modeOption, String mode,
            String restartedLine) throws Exception {
        Path changed = app.compileAside(temp.resolve("changed")).resolve(GREETING_CLASS);
        int front = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", modeOption,
                mode, "--front-port", Integer.toString(front), "--", TestEnvironment.java(), "-cp", "target/classes",
                "dev.respawn.examples.hello.HelloServer", Integer.toString(TestEnvironment.freePort())))) {
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);
            assertThat(respawn.count(restartedLine)).isZero();

            CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/slow?ms=" + SLOW_MS))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            await().atMost(SERVED).until(() -> respawn.stdout().contains("slow: answering in " + SLOW_MS + " ms"));
            Files.copy(changed, app.classes().resolve(GREETING_CLASS), StandardCopyOption.REPLACE_EXISTING);

            HttpResponse<String> answer = slow.get(SERVED.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("slow answer after " + SLOW_MS + " ms\n");
            Http.awaitBody(front, "/hello", "Changed", SERVED);
            assertThat(respawn.count(restartedLine)).as(respawn.stderr()).isEqualTo(1);
            assertThat(respawn.stderr()).doesNotContain("the front cuts");
        }
    }
}
