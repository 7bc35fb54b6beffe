package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --front-port} across process restarts (hello-http's, and Quarkus run as built) and
 * Tomcat's hot swaps and restarts inside the JVM: no request through the front is refused, reset
 * or failed, and one that the old worker holds past the restart's wait for answers gets a 502, not
 * a second sending. (FrontIT does hello-http's hot swaps and restarts inside the JVM.)
 */
class FrontRestartsIT {

    private static final Duration SERVED = Duration.ofSeconds(40);
    private static final int RELOADS = 3;

    @TempDir
    Path temp;

    @Test
    void tomcatHotSwapsAndRestartsInsideTheJvmLoseNoRequest() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("tomcat-jakarta", temp);
        int front = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--front-port", Integer.toString(front), "--", TestEnvironment.java(), "-cp", app.classpath(),
                "dev.respawn.examples.jakarta.JakartaServer", Integer.toString(TestEnvironment.freePort())))) {
            Http.awaitBody(front, "/hello", "Hello from Jakarta", SERVED);
            FrontLoad load = new FrontLoad(front, "/hello", 4);
            String previous = "Hello from Jakarta";
            for (int i = 1; i <= RELOADS; i++) {
                app.edit("dev/respawn/examples/jakarta/JakartaServer.java", "text(response, \"" + previous + "\");",
                        "text(response, \"Swapped " + i + "\");");
                previous = "Swapped " + i;
                app.compile();
                Http.awaitBody(front, "/hello", previous, SERVED);
                load.awaitFlowing(SERVED);
            }
            assertThat(respawn.count("hot-swapped in")).isEqualTo(RELOADS);
            for (int i = 1; i <= RELOADS; i++) {
                int restarts = respawn.count("restarted inside the JVM in");
                respawn.writeLine("rs");
                await().atMost(SERVED).until(() -> respawn.count("restarted inside the JVM in") > restarts);
                load.awaitFlowing(SERVED);
            }
            load.close();
            load.assertLostNone();
        }
    }

    @Test
    void processRestartsLoseNoRequest() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int front = TestEnvironment.freePort();
        Path loaded = temp.resolve("classes-loaded.txt");
        try (RespawnProcess respawn = supervise(app, front, TestEnvironment.freePort(),
                List.of("-Xlog:class+load=info:file=" + loaded), "--reload-mode", "restart")) {
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);
            FrontLoad load = new FrontLoad(front, "/hello", 4);
            for (int i = 1; i <= RELOADS; i++) {
                String pid = Http.bodyOrNull(front, "/pid");
                respawn.writeLine("rs");
                await().atMost(SERVED).until(() -> {
                    String now = Http.bodyOrNull(front, "/pid");
                    return now != null && !now.equals(pid);
                });
                load.awaitFlowing(SERVED);
            }
            load.close();
            load.assertLostNone();

            // A request the old worker holds past the restart's wait for answers is answered, not sent again.
            java.util.concurrent.CompletableFuture<HttpResponse<String>> held = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/ticks/hold"))
                            .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            await().atMost(SERVED).until(() -> respawn.stdout().contains("ticks: holding a request"));
            respawn.writeLine("rs");
            // The bound only ends a wait: a front that sent it again would have it held another 30 s and
            // answered 200, not 502.
            HttpResponse<String> cut = held.get(SERVED.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(cut.statusCode()).isEqualTo(502);
            assertThat(cut.body()).contains("A reload cut this request").contains("not sent again");
            // Cut only once the restart had waited its bound for the answer, and said once.
            assertThat(respawn.count("the front cuts 1 request the application had not answered 2 s after")).isEqualTo(1);
            assertThat(Files.readString(loaded)).as("the worker's classes").contains("dev.respawn.")
                    .doesNotContain("eclipse.jetty").doesNotContain("dev.respawn.front");
        }
    }

    /** Quarkus run as it is built ({@code -jar}, its classes in jars): every restart is a new process. */
    @Test
    void quarkusProcessRestartsLoseNoRequest() throws Exception {
        int front = TestEnvironment.freePort();
        List<String> arguments = new ArrayList<>(List.of("--reload-on-changes", "--reload-mode", "restart",
                "--front-port", Integer.toString(front), "--"));
        arguments.addAll(FrameworkExample.QUARKUS.command(TestEnvironment.freePort()));
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            Http.awaitBody(front, "/hello", "Hello from Quarkus REST", SERVED);
            FrontLoad load = new FrontLoad(front, "/hello", 4);
            for (int i = 1; i <= RELOADS; i++) {
                int starts = respawn.count("worker pid \\d+ up in");
                respawn.writeLine("rs");
                await().atMost(SERVED).until(() -> respawn.count("worker pid \\d+ up in") > starts);
                load.awaitFlowing(SERVED);
            }
            load.close();
            load.assertLostNone();
        }
    }

    private RespawnProcess supervise(ExampleWorkspace app, int front, int port, List<String> workerJvm, String... options)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(TestEnvironment.java(), "-jar",
                TestEnvironment.respawnJar().toString(), "--reload-on-changes", "--shutdown-timeout", "2",
                "--front-port", Integer.toString(front)));
        command.addAll(List.of(options));
        command.addAll(List.of("--", TestEnvironment.java()));
        command.addAll(workerJvm);
        command.addAll(List.of("-cp", "target/classes", "dev.respawn.examples.hello.HelloServer", Integer.toString(port)));
        return RespawnProcess.start(app.root(), command, Map.of(), "supervisor");
    }
}
