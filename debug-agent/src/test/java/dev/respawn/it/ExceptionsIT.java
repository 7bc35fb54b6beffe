package dev.respawn.it;

import static dev.respawn.it.ExceptionReports.MAIN;
import static dev.respawn.it.ExceptionReports.PACKAGE;
import static dev.respawn.it.ExceptionReports.SERVED;
import static dev.respawn.it.ExceptionReports.awaitReports;
import static dev.respawn.it.ExceptionReports.barrier;
import static dev.respawn.it.ExceptionReports.frameMethods;
import static dev.respawn.it.ExceptionReports.get;
import static dev.respawn.it.ExceptionReports.jsonReports;
import static dev.respawn.it.ExceptionReports.read;
import static dev.respawn.it.ExceptionReports.reports;
import static dev.respawn.it.ExceptionReports.supervise;
import static dev.respawn.it.ExceptionReports.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.respawn.it.ExceptionReports.Answer;

/**
 * What an exception report holds, under {@code --capture-exceptions} on the hello-http example's shop:
 * each frame's arguments and fields, the cause of a wrapped exception, the request, and no report for
 * an exception the application caught itself; from main's first line on, and on a Java 25 worker.
 */
class ExceptionsIT {

    @TempDir
    Path temp;

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

            JsonObject report = jsonReports(app).stream().map(ExceptionReports::readUnchecked)
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
