package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code --capture-locals}: the supervisor reads each application frame's locals through JDI at the throw. */
class CaptureLocalsIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final Duration SERVED = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private static int status(int port, String path) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setRequestProperty("Connection", "close");
        connection.setReadTimeout(5000);
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static List<Path> reports(Path root) throws Exception {
        Path directory = root.resolve(".respawn/exceptions");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonObject frame(JsonObject report, String method) {
        for (JsonElement frame : report.getAsJsonArray("frames")) {
            if (frame.getAsJsonObject().get("method").getAsString().equals(method)) {
                return frame.getAsJsonObject();
            }
        }
        throw new AssertionError("no frame " + method);
    }

    private static String local(JsonObject frame, String name) {
        JsonArray locals = frame.getAsJsonArray("locals");
        assertThat(locals).as("locals of " + frame.get("method")).isNotNull();
        for (JsonElement local : locals) {
            if (local.getAsJsonObject().get("name").getAsString().equals(name)) {
                return local.getAsJsonObject().get("value").getAsString();
            }
        }
        throw new AssertionError("no local " + name + " in " + locals);
    }

    @Test
    void eachApplicationFrameHasTheLocalsItHadAtTheThrow() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        List<String> arguments = List.of("--capture-locals", "--", TestEnvironment.java(), "-cp", "target/classes",
                MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            // The JDI session attaches just after the worker starts; until it has, reports carry no locals.
            List<Integer> statuses = new ArrayList<>();
            await().atMost(SERVED).pollInterval(Duration.ofMillis(300)).until(() -> {
                statuses.add(status(port, "/checkout?item=book&quantity=-1"));
                List<Path> written = reports(app.root());
                return !written.isEmpty() && Files.readString(written.get(written.size() - 1)).contains("\"locals\"");
            });
            assertThat(statuses).containsOnly(500);
            List<Path> written = reports(app.root());
            JsonObject report = JsonParser.parseString(Files.readString(written.get(written.size() - 1)))
                    .getAsJsonObject();

            assertThat(local(frame(report, "place"), "order")).contains("item=\"book\"", "quantity=-1");
            JsonObject checkout = frame(report, "checkout");
            assertThat(local(checkout, "item")).isEqualTo("\"book\"");
            assertThat(local(checkout, "query")).startsWith("HashMap#");
            assertThat(local(checkout, "e")).startsWith("IllegalArgumentException#");
            // Arguments are the agent's; locals do not repeat them.
            assertThat(frame(report, "validate").getAsJsonArray("locals")).isEmpty();

            assertThat(Http.bodyOrNull(port, "/hello")).as("the worker goes on serving").isEqualTo("Hello from respawn");
            assertThat(respawn.stdout()).doesNotContain("Listening for transport");
        }
    }

    @Test
    void theDebuggerAndLocalsCannotShareTheOneConnection() throws Exception {
        List<String> arguments = List.of("--capture-locals", "--enable-debugger", "--", TestEnvironment.java(), "-version");
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            assertThat(respawn.awaitExit(SERVED)).isEqualTo(2);
            assertThat(respawn.stderr().strip()).isEqualTo("respawn: --capture-locals and --enable-debugger both need"
                    + " the worker's one debugger connection; leave one of them out");
        }
    }
}
