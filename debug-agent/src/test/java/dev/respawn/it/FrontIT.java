package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --front-port}: requests through the front wait out hot swaps and restarts inside the JVM
 * instead of being refused (FrontRestartsIT: process restarts, Tomcat, Quarkus), large bodies and
 * event streams pass through it, and a worker that cannot start is explained to the client, as
 * HTML to a browser and as problem+json to an API client.
 */
class FrontIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(40);
    private static final int RELOADS = 3;
    private static final long LARGE = 200L << 20;

    @TempDir
    Path temp;

    /** The supervisor, with little heap: a body it held whole would not fit. */
    private RespawnProcess supervise(ExampleWorkspace app, int front, int port) throws IOException {
        List<String> command = List.of(TestEnvironment.java(), "-Xmx64m", "-jar", TestEnvironment.respawnJar().toString(),
                "--reload-on-changes", "--shutdown-timeout", "2", "--front-port", Integer.toString(front), "--",
                TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port));
        return RespawnProcess.start(app.root(), command, Map.of(), "supervisor");
    }

    @Test
    void hotSwapsAndRestartsInsideTheJvmLoseNoRequestAndLargeBodiesStream() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int front = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, front, TestEnvironment.freePort())) {
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);
            FrontLoad load = new FrontLoad(front, "/hello", 4);
            String previous = "Hello from respawn";
            for (int i = 1; i <= RELOADS; i++) {
                app.edit(GREETING, "return \"" + previous + "\";", "return \"Swapped " + i + "\";");
                previous = "Swapped " + i;
                app.compile();
                Http.awaitBody(front, "/hello", previous, SERVED);
                load.awaitFlowing(SERVED);
            }
            for (int i = 1; i <= RELOADS; i++) {
                int restarts = respawn.count("restarted inside the JVM in");
                respawn.writeLine("rs");
                await().atMost(SERVED).until(() -> respawn.count("restarted inside the JVM in") > restarts);
                Http.awaitBody(front, "/hello", previous, SERVED);
                load.awaitFlowing(SERVED);
            }
            load.close();
            assertThat(respawn.count("hot-swapped in")).isEqualTo(RELOADS);
            load.assertLostNone();

            streamsLargeBodiesBothWays(front);
            passesServerSentEventsAsTheyCome(front);

            // A new field restarts inside the JVM, where the new main now fails.
            app.edit("dev/respawn/examples/hello/HelloServer.java",
                    "        System.setProperty(\"sun.net.httpserver.nodelay\", \"true\");",
                    "        System.setProperty(\"sun.net.httpserver.nodelay\", \"true\");\n"
                            + "        if (BROKEN.length() > 0) {\n            throw new IllegalStateException(BROKEN);\n        }");
            app.edit("dev/respawn/examples/hello/HelloServer.java", "    private HelloServer() {",
                    "    private static final String BROKEN = \"broken on purpose\";\n\n    private HelloServer() {");
            app.compile();
            await().atMost(SERVED).until(() -> get(front, "/hello", "application/json").statusCode() == 503);
            assertThat(get(front, "/hello", "application/json").body())
                    .contains("java.lang.IllegalStateException: broken on purpose");
        }
    }

    /** The application's first event arrives while it still holds the second back. */
    private static void passesServerSentEventsAsTheyCome(int front) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> events = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/ticks")).timeout(Duration.ofSeconds(30))
                        .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        java.util.Iterator<String> lines = events.body().iterator();
        // The application holds the second event back for 30 s unless released: a proxy that
        // buffered the stream would deliver nothing before then. 20 s: under load, well short of that.
        assertThat(java.util.concurrent.CompletableFuture.supplyAsync(lines::next).get(20, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo("data: first");
        assertThat(Http.bodyOrNull(front, "/ticks/release")).isEqualTo("released");
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).isEqualTo("data: second");
    }

    @Test
    void aWorkerFailingInMainOrACompileErrorIsExplainedToBrowsersAndApiClientsUntilFixed() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int front = TestEnvironment.freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RespawnProcess respawn = supervise(app, front, taken.getLocalPort())) {
            respawn.awaitStderr("exited with code 1", SERVED);

            HttpResponse<String> page = get(front, "/hello", "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("<h1>503 The application is not serving</h1>")
                    .contains("java.net.BindException: Address already in use")
                    .contains("HelloServer.main(HelloServer.java:");

            HttpResponse<String> problem = get(front, "/hello", "application/json");
            assertThat(problem.statusCode()).isEqualTo(503);
            assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(problem.body()).contains("\"status\":503").contains("\"title\":\"The application is not serving\"")
                    .contains("java.net.BindException: Address already in use");

            taken.close();
            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Fixed\";");
            app.compile();
            Http.awaitBody(front, "/hello", "Fixed", SERVED);

            // What mvn respawn:run's compiler leaves while the last saved source does not compile.
            Path errors = app.root().resolve(".respawn/compile/errors.txt");
            Files.createDirectories(errors.getParent());
            Files.writeString(errors, "src/main/java/" + GREETING + ":7: ';' expected");
            await().atMost(SERVED).until(() -> get(front, "/hello", "text/html").statusCode() == 503);
            HttpResponse<String> compile = get(front, "/hello", "text/html");
            assertThat(compile.body()).contains("The last saved source does not compile").contains("Greeting.java:7: &#39;;&#39; expected");
            Files.delete(errors);
            Http.awaitBody(front, "/hello", "Fixed", SERVED);
        }
    }

    private static HttpResponse<String> get(int port, String path, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** 200 MiB up to the application's echo and back, through a supervisor with a 64 MiB heap. */
    private static void streamsLargeBodiesBothWays(int front) throws Exception {
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/echo"))
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(LARGE, sent))).build();
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.update(buffer, 0, n);
                length += n;
            }
        }
        assertThat(length).isEqualTo(LARGE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    }

    /** {@code length} bytes of a repeating pattern, digested as they are read. */
    private static final class Generated extends InputStream {

        private final MessageDigest digest;
        private long left;

        Generated(long length, MessageDigest digest) {
            this.left = length;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((left - i) * 31);
            }
            left -= n;
            digest.update(buffer, offset, n);
            return n;
        }
    }
}
