package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the front serves itself: static folders ({@code --url-alias}), the debug page
 * ({@code /_respawn/}, looked at in headless Chromium), and {@code --browser-reload}'s events and
 * script. One worker for all of it.
 */
class FrontPagesIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final Duration SERVED = Duration.ofSeconds(40);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    @Test
    void staticFoldersTheDebugPageAndBrowserReload() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        Path web = Files.createDirectories(app.root().resolve("web"));
        Files.writeString(web.resolve("site.css"), "body { color: red }\n");
        int front = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--front-port", Integer.toString(front), "--url-alias", "/static", "web", "--browser-reload",
                "--capture-exceptions", "--enable-recorder",
                "--", TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(TestEnvironment.freePort())))) {
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);

            staticFilesAreServedAsTheyAreOnDisk(front, web);
            assertThat(respawn.count("up in")).as("no restart for a static file").isEqualTo(1);

            HttpResponse<String> page = send(front, "POST", "/echo", "text/html; charset=utf-8", "<html><body>hi</body></html>");
            assertThat(page.body()).as("the script after the page").startsWith("<html><body>hi</body></html><script>")
                    .contains("new EventSource('/_respawn/events')");

            HttpResponse<String> failed = send(front, "GET", "/order?item=book&quantity=-1", null, null);
            assertThat(failed.statusCode()).isEqualTo(500);
            respawn.awaitStderr("-> \\.respawn/exceptions/.*IllegalArgumentException\\.json", SERVED);
            String report = failed.headers().firstValue("X-Respawn-Exception").orElseThrow(
                    () -> new AssertionError("no X-Respawn-Exception header in " + failed.headers().map()));
            assertThat(report).endsWith("IllegalArgumentException.json");
            assertThat(app.root().resolve(report)).exists();

            try (EventStream events = new EventStream(front)) {
                respawn.writeLine("rs");
                events.awaitLine("event: reload", SERVED);
            }
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);
            await().atMost(SERVED).until(() -> har(app.root()));

            String dom = chromium(front, "--dump-dom");
            assertThat(dom).contains("serving on port").contains("IllegalArgumentException: quantity must be positive")
                    .contains("this.warehouse = \"north\"").containsPattern("href=\"recordings/[^\"]+\\.har\"")
                    .as("--browser-reload reloads the page too").contains("new EventSource('/_respawn/events')");
            Path screenshot = temp.resolve("respawn.png");
            chromium(front, "--screenshot=" + screenshot, "--window-size=1200,900");
            assertThat(ImageIO.read(screenshot.toFile()).getWidth()).isEqualTo(1200);

            assertThat(statusLine(front, "rebound.example")).as("a name that only points at loopback")
                    .startsWith("HTTP/1.1 403");
            assertThat(statusLine(front, "localhost:" + front)).startsWith("HTTP/1.1 200");
        }
    }

    private static void staticFilesAreServedAsTheyAreOnDisk(int front, Path web) throws Exception {
        HttpResponse<String> css = send(front, "GET", "/static/site.css", null, null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("body { color: red }\n");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css");
        assertThat(css.headers().firstValue("Last-Modified")).isPresent();
        String etag = css.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> same = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front
                + "/static/site.css")).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(same.statusCode()).isEqualTo(304);

        Files.writeString(web.resolve("site.css"), "body { color: blue }\n");
        Files.setLastModifiedTime(web.resolve("site.css"), FileTime.from(Instant.now().plusSeconds(5)));
        HttpResponse<String> changed = send(front, "GET", "/static/site.css", null, null);
        assertThat(changed.body()).isEqualTo("body { color: blue }\n");
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(etag);
        assertThat(send(front, "GET", "/static/missing.css", null, null).statusCode()).isEqualTo(404);
    }

    /** The status line of GET /_respawn/ with {@code host} as its Host (which the JDK's client will not set). */
    private static String statusLine(int front, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), front)) {
            socket.getOutputStream().write(("GET /_respawn/ HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private static boolean har(Path root) throws IOException {
        Path recordings = root.resolve(".respawn/recordings");
        if (!Files.isDirectory(recordings)) {
            return false;
        }
        try (var files = Files.list(recordings)) {
            return files.anyMatch(file -> file.toString().endsWith(".har"));
        }
    }

    private static HttpResponse<String> send(int port, String method, String path, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Headless Chromium from the distribution's packages (.ci/run installs it) on the debug page. */
    private String chromium(int front, String... what) throws Exception {
        String browser = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser").stream()
                .filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new AssertionError("no chromium: apt-get install -y chromium (.ci/run does)"));
        List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + Files.createTempDirectory(temp, "chromium")));
        command.addAll(List.of(what));
        command.add("http://127.0.0.1:" + front + "/_respawn/");
        Process process = new ProcessBuilder(command).redirectError(temp.resolve("chromium.log").toFile()).start();
        String out;
        try (InputStream in = process.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s");
        }
        assertThat(process.exitValue()).as("chromium: " + Files.readString(temp.resolve("chromium.log"))).isZero();
        return out;
    }

    /** The front's server-sent events, read line by line on a thread. */
    private static final class EventStream implements AutoCloseable {

        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread reader;
        private final InputStream body;

        EventStream(int front) throws Exception {
            HttpResponse<InputStream> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front
                    + "/_respawn/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
            body = response.body();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // Closed.
                }
            }, "events");
            reader.setDaemon(true);
            reader.start();
            await().atMost(SERVED).until(() -> lines.contains(": respawn"));
        }

        void awaitLine(String line, Duration timeout) {
            await().atMost(timeout).until(() -> lines.contains(line));
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
