package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.jdi.VirtualMachine;

/**
 * examples/spring-boot4 (Spring Boot 4: Thymeleaf, JPA on H2, a validated form, a cache, Actuator,
 * JSON) under respawn: a saved template is served at once, and its lives, restarted inside one
 * small-heap JVM many times, do not stay in memory; under {@code --debug-mode}, through the front,
 * as a user runs it all day. ({@link DebugModeFrameworksIT} hot-swaps and restarts it in debug mode.)
 */
class SpringBoot4IT {

    private static final String MAIN = "dev.respawn.examples.notes.NotesApp";
    private static final String TEMPLATE = "templates/notes.html";
    private static final Duration SERVED = Duration.ofSeconds(90);
    private static final int RESTARTS = 20;
    private static final Pattern STATUS = Pattern.compile(
            "life (\\d+), (\\d+) in-JVM restarts?, (\\d+) dropped class loaders? still in memory after a full GC.*, heap used (\\d+) MiB");
    private static final Duration DEBUG_SERVED = Duration.ofSeconds(180);
    private static final int DEBUG_RESTARTS = 3;
    /** Metaspace after a full GC grows a little over the first restarts (the JDK's caches), then settles. */
    private static final long METASPACE_SLACK_KIB = 8 * 1024;
    private static final Pattern DEBUG_STATUS = Pattern.compile(STATUS.pattern() + ", metaspace used (\\d+) KiB");
    /**
     * A request's bound, there to end a hang, not to time the application: a life's first form post
     * (JPA on H2, validation, Thymeleaf without its cache) outlasted 10 s at a load of 30-45.
     */
    private static final Duration REQUEST = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    @Test
    void aSavedTemplateIsServedAtOnceAndRestartedLivesAreCollected() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("spring-boot4", temp);
        int port = TestEnvironment.freePort();
        // One worker for both steps: a Spring Boot start is the slow part of this test.
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--",
                TestEnvironment.java(), "-Xmx192m", "-cp", app.classpath(), MAIN, Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from Spring Boot 4", SERVED);
            respawn.awaitStderr("respawn: development defaults: spring\\.thymeleaf\\.cache=false, ", SERVED);
            assertThat(page(port)).contains("<h1>Notes</h1>");

            Path template = app.classes().resolve(TEMPLATE);
            Files.writeString(template, Files.readString(template).replace("<h1>Notes</h1>", "<h1>Saved notes</h1>"));
            long saved = System.nanoTime();
            // "At once" is: served by the first life, with no restart. The time is printed for the eye;
            // the bound only ends a wait, as a render without the template cache is slow under load.
            await().atMost(SERVED).pollInterval(Duration.ofMillis(10))
                    .until(() -> page(port).contains("<h1>Saved notes</h1>"));
            System.out.println("template served " + (System.nanoTime() - saved) / 1_000_000 + " ms after its save");
            assertThat(status(app.root()).orElseThrow().group(1)).as("a template restarts nothing: still the first life")
                    .isEqualTo("1");
            assertThat(respawn.count("restarted inside the JVM")).as("a template restarts nothing").isZero();

            long firstHeap = 0;
            for (int life = 1; life <= RESTARTS; life++) {
                // Each life uses what keeps state in the jars: JPA on H2, validation, the cache, Thymeleaf, Jackson.
                assertThat(post(port, "/notes", "text=")).as("a blank note is refused").contains("must not be blank");
                assertThat(post(port, "/notes", "text=note+" + life)).as("a note saved and listed").contains("<li>note " + life + "</li>");
                assertThat(get(port, "/api/notes").body()).contains("\"text\":\"note " + life + "\"");
                assertThat(get(port, "/actuator/health").body()).contains("\"status\":\"UP\"");
                respawn.writeLine("rs");
                int restarts = life;
                await().atMost(SERVED).pollInterval(Duration.ofMillis(50))
                        .until(() -> respawn.count("restarted inside the JVM in \\d+ ms") == restarts);
                Http.awaitBody(port, "/hello", "Hello from Spring Boot 4", SERVED);
                if (life == 1) {
                    firstHeap = heap(status(app.root()).orElseThrow());
                }
            }
            Matcher last = status(app.root()).orElseThrow();
            System.out.println("after " + RESTARTS + " restarts: " + last.group() + " (after the first: " + firstHeap + " MiB)");
            assertThat(last.group(2)).isEqualTo(Integer.toString(RESTARTS));
            assertThat(Integer.parseInt(last.group(3))).as("dropped lives a full GC could not collect: " + last.group())
                    .isLessThanOrEqualTo(2);
            assertThat(heap(last)).as("heap after a full GC, after %d restarts against after the first", RESTARTS)
                    .isLessThanOrEqualTo(firstHeap * 12 / 10);
            assertThat(respawn.count("worker pid \\d+ up in")).as("one worker JVM all along").isEqualTo(1);
            assertThat(respawn.count("respawn: development defaults")).as("said once").isEqualTo(1);
        }
    }

    /**
     * Under {@code --debug-mode} with the front: an exception in a controller, behind a
     * transactional proxy, is reported with its arguments and named by X-Respawn-Exception; lives
     * restarted inside the JVM with every add-on on (the debugger's JDWP agent holds the first
     * life's thread) are collected, and the debugger's port still takes a debugger; the stop
     * writes the coverage report, the recorder's HAR, and a profile the JDK's {@code jfr} reads.
     */
    @Test
    void inDebugModeThroughTheFrontReportsExceptionsAndDropsItsLives() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("spring-boot4", temp);
        int port = TestEnvironment.freePort();
        int front = TestEnvironment.freePort();
        int debugger = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--debug-mode",
                "--debugger-port", Integer.toString(debugger), "--front-port", Integer.toString(front),
                "--no-class-data-sharing", "--", TestEnvironment.java(), "-Xmx256m", "-cp", app.classpath(), MAIN,
                Integer.toString(port)))) {
            Http.awaitBody(front, "/hello", "Hello from Spring Boot 4", DEBUG_SERVED);

            HttpResponse<String> failed = get(front, "/fail?item=book");
            assertThat(failed.statusCode()).isEqualTo(500);
            String report = failed.headers().firstValue("X-Respawn-Exception").orElseThrow(
                    () -> new AssertionError("no X-Respawn-Exception header in " + failed.headers().map()));
            Path json = app.root().resolve(report);
            await().atMost(DEBUG_SERVED).until(() -> Files.exists(json));
            JsonObject exception = ExceptionReports.read(json);
            assertThat(argument(exception, "NoteApiController", "fail")).as("the controller's argument, by name")
                    .isEqualTo("item = \"book\"");
            assertThat(argument(exception, "NoteService", "byText")).as("the service's, behind its proxy")
                    .isEqualTo("text = \"book\"");
            assertThat(ExceptionReports.frameMethods(exception)).as("no frame of Spring's generated proxy")
                    .noneMatch(method -> method.contains("$$"));
            assertThat(echo(front, "ping-body-42")).isEqualTo("ping-body-42");

            long afterOne = 0;
            for (int life = 1; life <= DEBUG_RESTARTS; life++) {
                respawn.writeLine("rs");
                int restarts = life;
                await().atMost(DEBUG_SERVED).pollInterval(Duration.ofMillis(100))
                        .until(() -> respawn.count("restarted inside the JVM in \\d+ ms") == restarts);
                Http.awaitBody(front, "/hello", "Hello from Spring Boot 4", DEBUG_SERVED);
                assertThat(get(front, "/fail?item=book").statusCode()).isEqualTo(500);
                if (life == 1) {
                    afterOne = metaspace(status(app.root(), DEBUG_STATUS).orElseThrow());
                }
            }
            Matcher last = status(app.root(), DEBUG_STATUS).orElseThrow();
            assertThat(last.group(3)).as("dropped lives a full GC could not collect: " + last.group()).isEqualTo("0");
            assertThat(metaspace(last)).as("metaspace after %d restarts against after the first (a life is tens of MiB)",
                    DEBUG_RESTARTS).isLessThanOrEqualTo(afterOne + METASPACE_SLACK_KIB);
            VirtualMachine vm = Jdi.attach(debugger);
            try {
                assertThat(vm.allThreads()).as("the debugger, attached after the restarts").isNotEmpty();
            } finally {
                vm.dispose();
            }

            respawn.terminate();
            respawn.awaitExit(DEBUG_SERVED);
            assertThat(respawn.stderr()).contains("coverage report: ").as("the debugger's port is respawn's, not the application's")
                    .containsPattern("listening on \\[" + port + "\\]").doesNotContainPattern("listening on \\[[^]]*\\b" + debugger + "\\b");
        }
        Path respawnDirectory = app.root().resolve(".respawn");
        assertThat(respawnDirectory.resolve("coverage/html/index.html")).exists();
        assertThat(Har.files(respawnDirectory.resolve("recordings"), ".har").stream().map(SpringBoot4IT::readUnchecked))
                .as("the echoed body, recorded").anyMatch(har -> har.contains("ping-body-42"));
        List<Path> profiles = Har.files(respawnDirectory.resolve("profiles"), ".jfr");
        assertThat(profiles).isNotEmpty();
        Path jfr = Path.of(TestEnvironment.java()).resolveSibling("jfr");
        Process summary = new ProcessBuilder(jfr.toString(), "summary", profiles.get(profiles.size() - 1).toString())
                .redirectErrorStream(true).start();
        String read = new String(summary.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(summary.waitFor()).as(read).isZero();
        assertThat(read).contains("jdk.ExecutionSample");
    }

    private static String echo(int port, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                .timeout(REQUEST).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String readUnchecked(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long metaspace(Matcher status) {
        return Long.parseLong(status.group(5));
    }

    /** The first argument of the report's frame of {@code method} in the class named {@code simpleName}, as "name = value". */
    private static String argument(JsonObject report, String simpleName, String method) {
        for (JsonElement element : report.getAsJsonArray("frames")) {
            JsonObject frame = element.getAsJsonObject();
            if (frame.get("class").getAsString().endsWith("." + simpleName) && frame.get("method").getAsString().equals(method)) {
                JsonObject first = frame.getAsJsonArray("arguments").get(0).getAsJsonObject();
                return first.get("name").getAsString() + " = " + first.get("value").getAsString();
            }
        }
        throw new AssertionError("no frame " + simpleName + "." + method + " in " + report);
    }

    private static String page(int port) throws IOException, InterruptedException {
        return get(port, "/").body();
    }

    /** GET with {@link #REQUEST}'s bound ({@link Http#get}'s 5 s is for small pages on a quiet machine). */
    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(REQUEST).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form and follows the redirect a saved note answers with. */
    private static String post(int port, String path, String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(REQUEST).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 302 ? page(port) : response.body();
    }

    /** What {@code java -jar respawn.jar status} says, run in the application's folder as a user would. */
    private static java.util.Optional<Matcher> status(Path root) {
        return status(root, STATUS);
    }

    private static java.util.Optional<Matcher> status(Path root, Pattern pattern) {
        try {
            Process process = new ProcessBuilder(TestEnvironment.java(), "-jar", TestEnvironment.respawnJar().toString(), "status")
                    .directory(root.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Matcher matcher = pattern.matcher(output);
            return matcher.find() ? java.util.Optional.of(matcher) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private static long heap(Matcher status) {
        return Long.parseLong(status.group(4));
    }
}
