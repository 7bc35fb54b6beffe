package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The hello-http example's shop under {@code --capture-exceptions}, for the exception ITs: requests
 * on connections of their own, and the reports read back with Gson.
 */
final class ExceptionReports {

    static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    static final String PACKAGE = "dev.respawn.examples.hello.";
    static final Duration SERVED = Duration.ofSeconds(60);

    private ExceptionReports() {
    }

    /** Status and body of one request on a connection of its own (a failed handler closes its connection). */
    record Answer(int status, String body) {
    }

    static Answer get(int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setRequestProperty("Connection", "close");
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        int status = connection.getResponseCode();
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } finally {
            connection.disconnect();
        }
    }

    static RespawnProcess supervise(ExampleWorkspace app, int port, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--", TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)));
        RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments);
        Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
        return respawn;
    }

    static Path reports(ExampleWorkspace app) {
        return app.root().resolve(".respawn/exceptions");
    }

    static List<Path> jsonReports(ExampleWorkspace app) throws IOException {
        Path directory = reports(app);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    static List<Path> awaitReports(ExampleWorkspace app, int count) throws IOException {
        await().atMost(SERVED).alias(count + " exception reports").until(() -> jsonReports(app).size() >= count);
        return jsonReports(app);
    }

    static JsonObject read(Path report) throws IOException {
        return JsonParser.parseString(Files.readString(report)).getAsJsonObject();
    }

    static List<String> frameMethods(JsonObject report) {
        List<String> methods = new ArrayList<>();
        for (JsonElement frame : report.getAsJsonArray("frames")) {
            JsonObject f = frame.getAsJsonObject();
            methods.add(f.get("class").getAsString().replace(PACKAGE, "") + "." + f.get("method").getAsString());
        }
        return methods;
    }

    static String value(JsonArray values, String name) {
        for (JsonElement element : values) {
            JsonObject value = element.getAsJsonObject();
            if (value.get("name").getAsString().equals(name)) {
                return value.get("value").getAsString();
            }
        }
        throw new AssertionError("no value named " + name + " in " + values);
    }

    /**
     * A different failure after the one under test, whose report marks that everything before
     * it was written: reports are written in order.
     */
    static JsonObject barrier(ExampleWorkspace app, int port, int reportsBefore) throws IOException {
        assertThat(get(port, "/order?item=lamp").status()).isEqualTo(500);
        List<Path> reports = awaitReports(app, reportsBefore + 1);
        assertThat(reports).hasSize(reportsBefore + 1);
        JsonObject last = null;
        for (Path report : reports) {
            JsonObject json = read(report);
            if (json.getAsJsonObject("exception").get("message").getAsString().equals("no such item: lamp")) {
                last = json;
            }
        }
        assertThat(last).as("the barrier's report").isNotNull();
        return last;
    }

    static JsonObject readUnchecked(Path report) {
        try {
            return read(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
