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

/**
 * A restart inside the JVM whose new {@code main} throws after starting a thread that is no
 * daemon: the JVM stays up, as it would without respawn, yet the front must say at once that the
 * application will not serve, with its exception, not after its wait for a port runs out (60 s).
 */
class FrontFailedMainIT {

    private static final String SERVER = "dev/respawn/examples/hello/HelloServer.java";
    private static final String NODELAY = "        System.setProperty(\"sun.net.httpserver.nodelay\", \"true\");";
    private static final String THROWS = NODELAY + "\n"
            + "        if (BROKEN.length() > 0) {\n"
            + "            Thread keeper = new Thread(() -> {\n"
            + "                try {\n"
            + "                    Thread.sleep(600_000);\n"
            + "                } catch (InterruptedException e) {\n"
            + "                    return;\n"
            + "                }\n"
            + "            }, \"keeper\");\n"
            + "            keeper.start();\n"
            + "            throw new IllegalStateException(BROKEN);\n"
            + "        }";
    private static final String CONSTRUCTOR = "    private HelloServer() {";
    private static final String FIELD = "    private static final String BROKEN = \"broken on purpose\";\n\n" + CONSTRUCTOR;
    private static final Duration SERVED = Duration.ofSeconds(40);
    /** Well under the 60 s a supervisor waits for a port; a restart inside the JVM takes a second or two. */
    private static final Duration AT_ONCE = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @Test
    void aMainThatThrowsWhileAThreadKeepsTheJvmUpIsExplainedAtOnceAndAFixServesAgain() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int front = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--shutdown-timeout", "2", "--front-port", Integer.toString(front), "--", TestEnvironment.java(),
                "-cp", "target/classes", "dev.respawn.examples.hello.HelloServer",
                Integer.toString(TestEnvironment.freePort())))) {
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);

            // A new field: a restart inside the JVM, whose main now throws once its thread runs.
            app.edit(SERVER, NODELAY, THROWS);
            app.edit(SERVER, CONSTRUCTOR, FIELD);
            app.compile();
            await().atMost(AT_ONCE).ignoreExceptions()
                    .until(() -> get(front, "/hello", "application/json").statusCode() == 503);
            HttpResponse<String> problem = get(front, "/hello", "application/json");
            assertThat(problem.body()).contains("The application is not serving")
                    .contains("java.lang.IllegalStateException: broken on purpose")
                    .contains("HelloServer.main(HelloServer.java:");
            assertThat(respawn.stderr()).contains("the application's main failed (IllegalStateException: broken on purpose");
            assertThat(respawn.stdout() + respawn.stderr()).as("the worker runs on").doesNotContain("exited with code");

            app.edit(SERVER, FIELD, CONSTRUCTOR);
            app.edit(SERVER, THROWS, NODELAY);
            app.compile();
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);
        }
    }

    private static HttpResponse<String> get(int port, String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).timeout(AT_ONCE).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
