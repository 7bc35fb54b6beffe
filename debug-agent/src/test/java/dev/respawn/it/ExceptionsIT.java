package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code --capture-exceptions} on the hello-http example's shop, read back with Gson. */
class ExceptionsIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String PACKAGE = "dev.respawn.examples.hello.";
    private static final Duration SERVED = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    /** Status and body of one request on a connection of its own (a failed handler closes its connection). */
    record Answer(int status, String body) {
    }

    private static Answer get(int port, String path) throws IOException {
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

    private RespawnProcess supervise(ExampleWorkspace app, int port, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--", TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)));
        RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments);
        Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
        return respawn;
    }

    private static Path reports(ExampleWorkspace app) {
        return app.root().resolve(".respawn/exceptions");
    }

    private static List<Path> jsonReports(ExampleWorkspace app) throws IOException {
        Path directory = reports(app);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<Path> awaitReports(ExampleWorkspace app, int count) throws IOException {
        await().atMost(SERVED).alias(count + " exception reports").until(() -> jsonReports(app).size() >= count);
        return jsonReports(app);
    }

    private static JsonObject read(Path report) throws IOException {
        return JsonParser.parseString(Files.readString(report)).getAsJsonObject();
    }

    private static List<String> frameMethods(JsonObject report) {
        List<String> methods = new ArrayList<>();
        for (JsonElement frame : report.getAsJsonArray("frames")) {
            JsonObject f = frame.getAsJsonObject();
            methods.add(f.get("class").getAsString().replace(PACKAGE, "") + "." + f.get("method").getAsString());
        }
        return methods;
    }

    private static String value(JsonArray values, String name) {
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
    private static JsonObject barrier(ExampleWorkspace app, int port, int reportsBefore) throws IOException {
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

    @Test
    void capturesTheArgumentsAndFieldsOfEveryFrameADeepThrowPassed() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--capture-exceptions")) {
            Answer answer = get(port, "/order?item=book&quantity=-1");
            assertThat(answer).isEqualTo(new Answer(500, "IllegalArgumentException: quantity must be positive, was -1"));

            Path file = awaitReports(app, 1).get(0);
            JsonObject report = read(file);
            assertThat(report.get("schema").getAsString()).isEqualTo("respawn-exception/1");
            JsonObject exception = report.getAsJsonObject("exception");
            assertThat(exception.get("class").getAsString()).isEqualTo("java.lang.IllegalArgumentException");
            assertThat(exception.get("message").getAsString()).isEqualTo("quantity must be positive, was -1");
            // Caught, answered and rethrown by answering500's lambda: one report, each frame once.
            assertThat(frameMethods(report)).containsExactly("OrderService.validate", "OrderService.place",
                    "Shop.order", "Shop.lambda$answering500$0");

            JsonArray frames = report.getAsJsonArray("frames");
            JsonObject validate = frames.get(0).getAsJsonObject();
            assertThat(validate.get("file").getAsString()).isEqualTo("OrderService.java");
            assertThat(validate.get("line").getAsInt()).isPositive();
            assertThat(value(validate.getAsJsonArray("arguments"), "order"))
                    .startsWith("Order@").contains("item=\"book\"", "quantity=-1");
            assertThat(validate.get("receiver").getAsString()).startsWith("OrderService@");
            JsonArray fields = validate.getAsJsonArray("fields");
            assertThat(value(fields, "warehouse")).isEqualTo("\"north\"");
            assertThat(value(fields, "catalog")).contains("(2) [\"book\", \"pen\"]");
            assertThat(value(fields, "placed")).isEqualTo("0");

            JsonObject place = frames.get(1).getAsJsonObject();
            assertThat(value(place.getAsJsonArray("arguments"), "item")).isEqualTo("\"book\"");
            assertThat(value(place.getAsJsonArray("arguments"), "quantity")).isEqualTo("-1");
            assertThat(place.getAsJsonArray("arguments").get(1).getAsJsonObject().get("type").getAsString())
                    .isEqualTo("int");
            JsonObject handler = frames.get(2).getAsJsonObject();
            assertThat(value(handler.getAsJsonArray("arguments"), "exchange")).contains("HttpExchange");

            JsonObject request = report.getAsJsonObject("request");
            assertThat(request.get("method").getAsString()).isEqualTo("GET");
            assertThat(request.get("url").getAsString()).isEqualTo("/order?item=book&quantity=-1");
            assertThat(report.getAsJsonObject("thread").get("name").getAsString()).isNotBlank();
            assertThat(report.get("notWrittenBefore").getAsLong()).isZero();

            Path text = file.resolveSibling(file.getFileName().toString().replace(".json", ".txt"));
            assertThat(Files.readString(text)).contains("OrderService.validate(OrderService.java:",
                    "quantity = -1", "this.warehouse = \"north\"", "GET /order?item=book&quantity=-1");
            assertThat(file.getFileName().toString()).endsWith("-IllegalArgumentException.json");
            assertThat(Files.getPosixFilePermissions(reports(app)))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            respawn.awaitStderr("respawn: IllegalArgumentException: quantity must be positive, was -1 at"
                    + " OrderService\\.validate\\(OrderService\\.java:\\d+\\) \\(GET /order\\?item=book&quantity=-1\\)"
                    + " -> \\.respawn/exceptions/\\S+-IllegalArgumentException\\.json", SERVED);
        }
    }

    @Test
    void aWrappedExceptionGivesOneReportWithItsCause() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--capture-exceptions")) {
            assertThat(get(port, "/checkout?item=pen&quantity=0").status()).isEqualTo(500);
            barrier(app, port, 1);

            JsonObject report = jsonReports(app).stream().map(ExceptionsIT::readUnchecked)
                    .filter(r -> r.getAsJsonObject("exception").get("class").getAsString().endsWith("CheckoutException"))
                    .findFirst().orElseThrow();
            JsonObject exception = report.getAsJsonObject("exception");
            assertThat(exception.get("message").getAsString()).isEqualTo("checkout of pen failed");
            assertThat(exception.getAsJsonObject("cause").get("message").getAsString())
                    .isEqualTo("quantity must be positive, was 0");
            assertThat(frameMethods(report)).containsExactly("OrderService.validate", "OrderService.place",
                    "Shop.checkout", "Shop.lambda$answering500$0");
            JsonArray frames = report.getAsJsonArray("frames");
            assertThat(frames.get(1).getAsJsonObject().get("exception").getAsString())
                    .isEqualTo("java.lang.IllegalArgumentException");
            assertThat(frames.get(2).getAsJsonObject().get("exception").getAsString())
                    .isEqualTo(PACKAGE + "CheckoutException");
        }
    }

    private static JsonObject readUnchecked(Path report) {
        try {
            return read(report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anExceptionCaughtInsideTheApplicationGivesNoReport() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--capture-exceptions")) {
            assertThat(get(port, "/reserve?item=book&quantity=-1"))
                    .isEqualTo(new Answer(200, "not reserved: quantity must be positive, was -1"));
            JsonObject only = barrier(app, port, 0);
            assertThat(frameMethods(only)).first().isEqualTo("OrderService.validate");
        }
    }

    @Test
    void answersExactlyAsWithoutCapture() throws Exception {
        List<String> paths = List.of("/order?item=book&quantity=-1", "/checkout?item=pen&quantity=0",
                "/reserve?item=book&quantity=-1", "/order?item=book&quantity=2", "/order?item=book&quantity=99",
                "/order?item=book&quantity=many", "/hello");
        List<Answer> without = new ArrayList<>();
        List<Answer> with = new ArrayList<>();
        ExampleWorkspace plain = ExampleWorkspace.copyOf("hello-http", temp.resolve("plain"));
        int plainPort = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(plain, plainPort)) {
            for (String path : paths) {
                without.add(get(plainPort, path));
            }
        }
        ExampleWorkspace captured = ExampleWorkspace.copyOf("hello-http", temp.resolve("captured"));
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(captured, port, "--capture-exceptions")) {
            for (String path : paths) {
                with.add(get(port, path));
            }
            awaitReports(captured, 4);
        }
        assertThat(with).isEqualTo(without);
        assertThat(without.get(3)).isEqualTo(new Answer(200, "ordered 2 x book from north"));
    }

    @Test
    void aSiteOverTheRateLimitIsCountedAndTheCountGoesInItsNextReport() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--capture-exceptions")) {
            AtomicInteger hits = new AtomicInteger();
            for (int i = 0; i < 12; i++) {
                assertThat(get(port, "/order?item=pen&quantity=-5").status()).isEqualTo(500);
                hits.incrementAndGet();
            }
            respawn.awaitStderr("more reports from one place than the rate limit allows", SERVED);
            assertThat(awaitReports(app, 5)).hasSize(5);

            // One more report is allowed every 12 s; every refused one until then is counted.
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                get(port, "/order?item=pen&quantity=-5");
                hits.incrementAndGet();
                return jsonReports(app).size() >= 6;
            });
            List<JsonObject> reports = jsonReports(app).stream().map(ExceptionsIT::readUnchecked).toList();
            assertThat(reports).hasSize(6);
            assertThat(reports.subList(0, 5)).allSatisfy(r -> assertThat(r.get("notWrittenBefore").getAsLong()).isZero());
            long counted = reports.get(5).get("notWrittenBefore").getAsLong();
            assertThat(counted).isGreaterThanOrEqualTo(7);
            // Every hit was written or counted; the last poll may have come after the sixth was taken.
            assertThat(hits.get() - 6 - counted).isBetween(0L, 1L);
            assertThat(Files.readString(jsonReports(app).get(5).resolveSibling(jsonReports(app).get(5).getFileName()
                    .toString().replace(".json", ".txt")))).contains(counted + " more from the same place were counted");
        }
    }

    /**
     * An exception in main's first line (the port argument) is captured: the instrumentation is in
     * place before the JVM loads the main class, and the report is written before the JVM ends.
     */
    @Test
    void anExceptionInTheFirstLineOfMainIsCaptured() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        List<String> arguments = List.of("--capture-exceptions", "--", TestEnvironment.java(), "-cp", "target/classes",
                MAIN, "not-a-port");
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            JsonObject report = read(awaitReports(app, 1).get(0));
            assertThat(report.getAsJsonObject("exception").get("class").getAsString())
                    .isEqualTo("java.lang.NumberFormatException");
            assertThat(frameMethods(report)).first().isEqualTo("HelloServer.main");
            JsonObject main = report.getAsJsonArray("frames").get(0).getAsJsonObject();
            assertThat(value(main.getAsJsonArray("arguments"), "args")).contains("\"not-a-port\"");
        }
    }

    @Test
    void capturesOnAJava25WorkerWithoutWarnings() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestEnvironment.java25().isPresent(),
                "no JDK 25 at " + System.getProperty("respawn.test.jdk25") + "; skipped");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        List<String> arguments = List.of("--capture-exceptions", "--", TestEnvironment.java25().get(),
                "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            assertThat(get(port, "/checkout?item=book&quantity=-1").status()).isEqualTo(500);
            JsonObject report = read(awaitReports(app, 1).get(0));
            assertThat(frameMethods(report)).containsExactly("OrderService.validate", "OrderService.place",
                    "Shop.checkout", "Shop.lambda$answering500$0");
            respawn.awaitStderr("-> \\.respawn/exceptions/\\S+-CheckoutException\\.json", SERVED);
            assertThat(respawn.stderr()).doesNotContain("WARNING", "capture failed");
        }
    }
}
