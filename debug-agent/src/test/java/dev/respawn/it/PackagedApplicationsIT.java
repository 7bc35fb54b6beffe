package dev.respawn.it;

import static dev.respawn.it.ExceptionReports.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applications run as their framework's guide runs them, from the jars their build packed, under plain
 * {@code --debug-mode} with no option naming the application's code: Quarkus's
 * {@code java -jar target/quarkus-app/quarkus-run.jar} (its classes in {@code app/*.jar}, loaded by
 * Quarkus's own class loader) and Spring Boot's {@code java -jar target/app.jar} (its classes in
 * {@code BOOT-INF/classes}). An exception escaping a resource method is reported with its frames'
 * arguments, and coverage after a restart and a stop counts the resource classes on their source lines
 * (JaCoCo's own reader on the exec file, and the HTML report).
 */
class PackagedApplicationsIT {

    /** A debug-mode start of either takes several seconds, and much longer on a 2-core machine busy with builds. */
    private static final Duration SERVED = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void quarkusRunFromItsRunnerJarIsTheApplicationsOwnCode() throws Exception {
        Path project = TestEnvironment.examples().resolve("quarkus");
        int port = TestEnvironment.freePort();
        Path classes = onlyJar(project.resolve("target/quarkus-app/app"));
        servedFailedRestartedAndCovered(project, port, FrameworkExample.QUARKUS.command(port), classes,
                "dev/respawn/examples/quarkus/", "GreetingResource", "return Greeting.text();");
    }

    @Test
    void springBootRunFromItsExecutableJarIsTheApplicationsOwnCode() throws Exception {
        Path project = TestEnvironment.examples().resolve("spring-boot");
        int port = TestEnvironment.freePort();
        Path jar;
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("respawn-example-spring-boot-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no executable jar in " + project.resolve("target")));
        }
        List<String> command = List.of(TestEnvironment.java(), "-jar", jar.toString(), "--server.address=127.0.0.1",
                "--server.port=" + port);
        // BOOT-INF/classes holds the class folder's bytes: JaCoCo matches them there.
        servedFailedRestartedAndCovered(project, port, command, project.resolve("target/classes"),
                "dev/respawn/examples/spring/", "HelloController", "return Greeting.message() + \"\\n\";");
    }

    /**
     * Serves /hello, fails /fail?item=x in the first life and serves /hello in the second, then stops:
     * the report of the first, and the coverage of both lives from the exec file.
     */
    private void servedFailedRestartedAndCovered(Path project, int port, List<String> command, Path classes,
            String packagePath, String resource, String helloLine) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--debug-mode", "--no-class-data-sharing",
                "--debugger-port", Integer.toString(TestEnvironment.freePort()), "--"));
        arguments.addAll(command);
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/hello") != null);
            assertThat(ExceptionReports.get(port, "/fail?item=x").status()).isEqualTo(500);

            JsonObject report = awaitReport();
            JsonObject failing = frame(report, packagePath.replace('/', '.') + resource, "fail");
            assertThat(value(failing.getAsJsonArray("arguments"), "item")).isEqualTo("\"x\"");
            assertThat(report.getAsJsonArray("frames")).as("no class the framework generated")
                    .allSatisfy(f -> assertThat(f.getAsJsonObject().get("class").getAsString())
                            .doesNotContain("_ClientProxy", "$quarkusrestinvoker$", "$$SpringCGLIB$$"));

            int starts = respawn.count("worker pid \\d+ up in");
            respawn.writeLine("rs");
            await().atMost(SERVED).until(() -> respawn.count("worker pid \\d+ up in") > starts);
            await().atMost(SERVED).pollInterval(Duration.ofMillis(200)).until(() -> Http.bodyOrNull(port, "/hello") != null);

            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stderr()).contains("respawn: coverage report: ");
        }

        Path coverage = temp.resolve(".respawn/coverage");
        ExecFileLoader exec = new ExecFileLoader();
        exec.load(coverage.resolve("respawn.exec").toFile());
        assertThat(exec.getSessionInfoStore().getInfos()).as("a session of each life").hasSizeGreaterThanOrEqualTo(2);
        CoverageBuilder builder = new CoverageBuilder();
        Analyzer analyzer = new Analyzer(exec.getExecutionDataStore(), builder);
        analyzer.analyzeAll(classes.toFile());
        IClassCoverage counted = builder.getClasses().stream()
                .filter(c -> c.getName().equals(packagePath + resource)).findFirst()
                .orElseThrow(() -> new AssertionError("no coverage of " + resource + " in " + classes));
        assertThat(counted.isNoMatch()).as("the bytes that ran").isFalse();
        Path source = project.resolve("src/main/java").resolve(packagePath + resource + ".java");
        int hello = lineOf(source, helloLine);
        assertThat(counted.getLine(hello).getStatus()).as("line %d, served in the second life", hello)
                .isEqualTo(ICounter.FULLY_COVERED);
        assertThat(counted.getMethodCounter().getCoveredCount()).as("fail(), run in the first life").isGreaterThan(1);

        Path page = coverage.resolve("html").resolve(packagePath.replace('/', '.').replaceAll("\\.$", ""))
                .resolve(resource + ".java.html");
        assertThat(page).exists();
        assertThat(Files.readString(page)).contains("id=\"L" + hello + "\"");
    }

    private JsonObject awaitReport() throws IOException {
        Path directory = temp.resolve(".respawn/exceptions");
        await().atMost(SERVED).alias("an exception report").until(() -> !reports(directory).isEmpty());
        return JsonParser.parseString(Files.readString(reports(directory).get(0))).getAsJsonObject();
    }

    private static List<Path> reports(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonObject frame(JsonObject report, String className, String method) {
        for (JsonElement element : report.getAsJsonArray("frames")) {
            JsonObject frame = element.getAsJsonObject();
            if (frame.get("class").getAsString().equals(className) && frame.get("method").getAsString().equals(method)) {
                return frame;
            }
        }
        throw new AssertionError("no frame " + className + "." + method + " in " + report.getAsJsonArray("frames"));
    }

    private static Path onlyJar(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in " + directory));
        }
    }

    private static int lineOf(Path source, String text) throws IOException {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text + " in " + source);
    }
}
