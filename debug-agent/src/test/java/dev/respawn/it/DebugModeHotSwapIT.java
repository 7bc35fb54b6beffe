package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method-body change hot-swapped while coverage and exception capture are on: the swapped class
 * goes on being counted (JaCoCo's reader finds the new code's lines covered) and its exceptions
 * captured; classes compiled as plain Maven and Gradle builds do ({@code -g}, no
 * {@code -parameters}) have their parameters named in the reports.
 */
class DebugModeHotSwapIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String ORDERS = "dev/respawn/examples/hello/OrderService";
    private static final List<String> PLAIN_BUILD = List.of("-g");
    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void aMethodBodyChangeIsHotSwappedWithCoverageAndExceptionCaptureOn() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        app.compile(PLAIN_BUILD);
        int port = TestEnvironment.freePort();
        List<String> arguments = List.of("--reload-on-changes", "--enable-coverage", "--capture-exceptions", "--",
                TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            assertThat(status(port, "/order?item=book&quantity=-1")).isEqualTo(500);
            JsonObject before = awaitReport(app, "quantity must be positive, was -1");
            assertNamed(before);

            app.edit(ORDERS + ".java", "\"quantity must be positive, was \" + order.quantity()",
                    "\"quantity must be above zero, was \" + order.quantity() + \" (hot-swapped)\"");
            app.compile(PLAIN_BUILD);
            respawn.awaitStderr("OrderService.class changed; hot-swapped in \\d+ ms \\(no restart\\)", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker").isEqualTo(pid);
            assertThat(status(port, "/order?item=book&quantity=-2")).isEqualTo(500);
            JsonObject after = awaitReport(app, "quantity must be above zero, was -2 (hot-swapped)");
            assertNamed(after);

            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stderr()).contains("coverage report: ")
                    .doesNotContain("has changed since its coverage was recorded", "hot swap failed");
        }
        ExecFileLoader exec = new ExecFileLoader();
        exec.load(app.root().resolve(".respawn/coverage/respawn.exec").toFile());
        CoverageBuilder builder = new CoverageBuilder();
        new Analyzer(exec.getExecutionDataStore(), builder)
                .analyzeClass(Files.readAllBytes(app.classes().resolve(ORDERS + ".class")), ORDERS);
        IClassCoverage orders = builder.getClasses().iterator().next();
        assertThat(orders.isNoMatch()).as("the data of the class as last swapped in").isFalse();
        String source = Files.readString(app.source(ORDERS + ".java"));
        int thrown = lineOf(source, "quantity must be above zero");
        assertThat(orders.getLine(thrown).getInstructionCounter().getCoveredCount())
                .as("the swapped-in line, run after the swap").isPositive();
    }

    private static void assertNamed(JsonObject report) {
        JsonArray frames = report.getAsJsonArray("frames");
        assertThat(names(frames.get(0).getAsJsonObject())).as("OrderService.validate").containsExactly("order");
        assertThat(names(frames.get(1).getAsJsonObject())).as("OrderService.place")
                .containsExactly("item", "quantity");
    }

    private static List<String> names(JsonObject frame) {
        return frame.getAsJsonArray("arguments").asList().stream()
                .map(a -> a.getAsJsonObject().get("name").getAsString()).toList();
    }

    private static int lineOf(String source, String text) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }

    private static JsonObject awaitReport(ExampleWorkspace app, String message) {
        Path directory = app.root().resolve(".respawn/exceptions");
        return await().atMost(SERVED).alias("a report of '" + message + "'").until(() -> {
            if (!Files.isDirectory(directory)) {
                return null;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    JsonObject report = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
                    if (report.getAsJsonObject("exception").get("message").getAsString().equals(message)) {
                        return report;
                    }
                }
            }
            return null;
        }, report -> report != null);
    }

    private static int status(int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setRequestProperty("Connection", "close");
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        } finally {
            connection.disconnect();
        }
        return status;
    }
}
