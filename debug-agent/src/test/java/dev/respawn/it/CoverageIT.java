package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IClassCoverage;
import org.jacoco.core.analysis.ICounter;
import org.jacoco.core.analysis.IMethodCoverage;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Coverage through the real respawn.jar: what a worker covered is kept across restarts in
 * {@code .respawn/coverage/respawn.exec}, read here with JaCoCo's own API against the class files.
 */
class CoverageIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String SERVER = "dev/respawn/examples/hello/HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting";
    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private RespawnProcess supervise(ExampleWorkspace app, int port, List<String> jvmOptions, String... options)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--", TestEnvironment.java()));
        arguments.addAll(jvmOptions);
        arguments.addAll(List.of("-cp", "target/classes", MAIN, Integer.toString(port)));
        return RespawnProcess.supervisor(app.root(), arguments);
    }

    private static Path coverage(ExampleWorkspace app) {
        return app.root().resolve(".respawn/coverage");
    }

    private static ExecFileLoader load(Path exec) throws IOException {
        ExecFileLoader loader = new ExecFileLoader();
        loader.load(exec.toFile());
        return loader;
    }

    /** The coverage of a class file as it is now, from {@code data}, by JaCoCo's own analyzer. */
    private static IClassCoverage analyze(ExampleWorkspace app, String internalName, ExecutionDataStore data)
            throws IOException {
        CoverageBuilder builder = new CoverageBuilder();
        new Analyzer(data, builder).analyzeClass(Files.readAllBytes(app.classes().resolve(internalName + ".class")),
                internalName);
        return builder.getClasses().iterator().next();
    }

    private static boolean covered(IClassCoverage coverage, String method) {
        return coverage.getMethods().stream().filter(m -> m.getName().equals(method))
                .map(IMethodCoverage::getInstructionCounter).anyMatch(c -> c.getCoveredCount() > 0);
    }

    private static int stop(RespawnProcess respawn) throws InterruptedException {
        respawn.terminate();
        return respawn.awaitExit(SERVED);
    }

    private static RespawnProcess command(ExampleWorkspace app, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("coverage"));
        command.addAll(List.of(arguments));
        return RespawnProcess.supervisor(app.root(), command);
    }

    @Test
    void keepsWhatEachWorkerCoveredAcrossRestartsAndReportsItOnStop() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        // A worker process per life: each writes its own session into the merged file.
        try (RespawnProcess respawn = supervise(app, port, List.of(), "--reload-on-changes", "--enable-coverage",
                "--reload-mode", "restart")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            assertThat(Http.bodyOrNull(port, "/env")).isEqualTo("RESPAWN=1");
            long first = Long.parseLong(Http.bodyOrNull(port, "/pid"));
            // What JaCoCo made of the class, kept owner-only for the next worker's start.
            Path kept = keptInstrumentation(app, SERVER);
            assertThat(Files.getPosixFilePermissions(kept.getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            Object keptFile = Files.readAttributes(kept, BasicFileAttributes.class).fileKey();

            respawn.writeLine("rs");
            await().atMost(SERVED).until(() -> {
                String pid = Http.bodyOrNull(port, "/pid");
                return pid != null && Long.parseLong(pid) != first;
            });
            assertThat(Http.get(port, "/echo").statusCode()).isEqualTo(200);
            assertThat(Files.readAttributes(kept, BasicFileAttributes.class).fileKey())
                    .as("the second worker read the first's instrumentation, not wrote its own").isEqualTo(keptFile);
            respawn.awaitStderr("worker pid \\d+ up in|restarted in", SERVED);

            // A class that changes after its coverage was recorded, and is not run again.
            app.edit("dev/respawn/examples/hello/Greeting.java", "Hello from respawn", "Changed");
            app.compile();
            respawn.awaitStderr("changed.*; restarted in \\d+ ms \\(listening on \\[" + port + "\\]\\)",
                    SERVED);
            // "restarted in" means the port listens; the third life's main goes on to add its shutdown
            // hook, and a stop before that is the application's own "Shutdown in progress".
            await().atMost(SERVED).until(() -> respawn.stdout().split("hello-http listening on", -1).length - 1 == 3);

            assertThat(stop(respawn)).isNotNull();
            assertThat(respawn.stderr()).contains("coverage report: " + coverage(app).resolve("html/index.html"))
                    .containsPattern("1 class has changed since its coverage was recorded.*"
                            + "dev.respawn.examples.hello.Greeting")
                    .doesNotContain("Exception in thread").doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
        }
        ExecFileLoader merged = load(coverage(app).resolve("respawn.exec"));
        assertThat(merged.getSessionInfoStore().getInfos()).as("one session per worker life").hasSize(3);
        IClassCoverage server = analyze(app, SERVER, merged.getExecutionDataStore());
        assertThat(server.isNoMatch()).isFalse();
        assertThat(covered(server, "lambda$main$0")).as("/hello, served by the first worker").isTrue();
        assertThat(covered(server, "echo")).as("/echo, served by the second").isTrue();
        assertThat(covered(server, "respond")).isTrue();
        assertThat(analyze(app, GREETING, merged.getExecutionDataStore()).isNoMatch())
                .as("Greeting's data is of its earlier version").isTrue();

        assertThat(coverage(app).resolve("html/index.html")).isRegularFile();
        assertThat(coverage(app).resolve("html/dev.respawn.examples.hello/HelloServer.java.html"))
                .as("the source, highlighted").content().contains("class=\"fc\"");
        assertThat(coverage(app).resolve("jacoco.csv")).content().contains("HelloServer");
        Document xml = parse(coverage(app).resolve("jacoco.xml"));
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("report");
        assertThat(xml.getElementsByTagName("sessioninfo").getLength()).isEqualTo(3);
        long sources;
        try (java.util.stream.Stream<Path> files = Files.walk(app.sources())) {
            sources = files.filter(f -> f.toString().endsWith(".java")).count();
        }
        assertThat(xml.getElementsByTagName("sourcefile").getLength()).as("one per source of the example").isEqualTo((int) sources);
    }

    /** The file in which the first worker kept JaCoCo's instrumentation of {@code internalName}'s class file. */
    private static Path keptInstrumentation(ExampleWorkspace app, String internalName) throws IOException {
        byte[] original = Files.readAllBytes(app.classes().resolve(internalName + ".class"));
        CRC32 crc = new CRC32();
        crc.update(original);
        String name = Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(original.length);
        try (Stream<Path> builds = Files.list(app.root().resolve(".respawn/coverage-classes"))) {
            Path build = builds.filter(Files::isDirectory).findFirst().orElseThrow();
            assertThat(build.resolve(name)).isRegularFile();
            return build.resolve(name);
        }
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // JaCoCo's report names its DTD, which is not on the network here.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    @Test
    void setsACorruptExecFileAsideAndStartsANewOne() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        Files.createDirectories(coverage(app));
        byte[] garbage = "left by a crash, not an exec file".getBytes(StandardCharsets.UTF_8);
        Files.write(coverage(app).resolve("respawn.exec"), garbage);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, List.of(), "--enable-coverage")) {
            respawn.awaitStderr("respawn.exec was damaged .*set aside as respawn.exec.corrupt-\\d{8}-\\d{6}.*new file",
                    SERVED);
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            stop(respawn);
            assertThat(respawn.stderr()).contains("coverage report: ");
        }
        try (Stream<Path> files = Files.list(coverage(app))) {
            List<Path> aside = files.filter(f -> f.getFileName().toString().startsWith("respawn.exec.corrupt-")).toList();
            assertThat(aside).hasSize(1);
            assertThat(aside.get(0)).hasBinaryContent(garbage);
        }
        ExecFileLoader fresh = load(coverage(app).resolve("respawn.exec"));
        assertThat(covered(analyze(app, GREETING, fresh.getExecutionDataStore()), "message")).isTrue();
    }

    @Test
    void dumpsAndResetsWhileTheWorkerRuns() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path exec = coverage(app).resolve("respawn.exec");
        try (RespawnProcess respawn = supervise(app, port, List.of(), "--enable-coverage")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);

            try (RespawnProcess dump = command(app, "dump")) {
                assertThat(dump.awaitExit(SERVED)).as(dump.stderr()).isZero();
                assertThat(dump.stdout()).containsPattern("^respawn: wrote the coverage of \\d+ classes to "
                        + java.util.regex.Pattern.quote(exec.toString()));
            }
            assertThat(covered(analyze(app, GREETING, load(exec).getExecutionDataStore()), "message")).isTrue();
            try (RespawnProcess report = command(app, "report")) {
                assertThat(report.awaitExit(SERVED)).as(report.stderr()).isZero();
                assertThat(report.stdout()).contains("coverage report: ");
            }
            assertThat(coverage(app).resolve("html/index.html")).isRegularFile();

            try (RespawnProcess reset = command(app, "reset")) {
                assertThat(reset.awaitExit(SERVED)).as(reset.stderr()).isZero();
                assertThat(reset.stdout()).startsWith("respawn: coverage reset");
            }
            assertThat(exec).doesNotExist();
            assertThat(Http.get(port, "/echo").statusCode()).isEqualTo(200);
            try (RespawnProcess dump = command(app, "dump")) {
                assertThat(dump.awaitExit(SERVED)).as(dump.stderr()).isZero();
            }
            ExecutionDataStore afterReset = load(exec).getExecutionDataStore();
            assertThat(covered(analyze(app, SERVER, afterReset), "echo")).isTrue();
            assertThat(covered(analyze(app, SERVER, afterReset), "lambda$main$0")).as("/hello was before the reset")
                    .isFalse();
            stop(respawn);
        }
        try (RespawnProcess dump = command(app, "dump")) {
            assertThat(dump.awaitExit(SERVED)).isEqualTo(1);
            assertThat(dump.stderr().strip()).startsWith("respawn: no running worker found under .respawn/control")
                    .contains("--enable-coverage").doesNotContain("\n");
        }
    }

    @Test
    void sharesTheDataOfTheUsersOwnJacocoAgentInTheSameWorker() throws Exception {
        Path jacocoAgent = Path.of(System.getProperty("respawn.test.jacocoagent", "target/it/jacocoagent.jar"));
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(jacocoAgent), jacocoAgent + " is missing");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path userExec = temp.resolve("user.exec");
        List<String> userAgent = List.of("-javaagent:" + jacocoAgent.toAbsolutePath() + "=destfile=" + userExec);
        try (RespawnProcess respawn = supervise(app, port, userAgent, "--enable-coverage")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            stop(respawn);
            assertThat(respawn.stderr()).contains("another JaCoCo agent runs in this JVM")
                    .doesNotContain("StackOverflowError", "Exception", "instrumented");
        }
        for (Path exec : List.of(userExec, coverage(app).resolve("respawn.exec"))) {
            ExecutionDataStore data = load(exec).getExecutionDataStore();
            IClassCoverage server = analyze(app, SERVER, data);
            assertThat(server.isNoMatch()).as(exec + " matches the class files").isFalse();
            assertThat(covered(server, "lambda$main$0")).as(exec.toString()).isTrue();
            assertThat(covered(analyze(app, GREETING, data), "message")).as(exec.toString()).isTrue();
        }
    }

    @Test
    void anUnwritableCoverageDirectoryIsOneLineAndTheApplicationRunsOn() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        // /proc takes no new folders, even for root.
        try (RespawnProcess respawn = supervise(app, port, List.of(), "--enable-coverage",
                "--coverage-directory", "/proc/respawn-coverage")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            respawn.awaitStderr("respawn: coverage is off: cannot write to /proc/respawn-coverage \\(.+\\); give "
                    + "--coverage-directory a folder you can write to", SERVED);
            stop(respawn);
            assertThat(respawn.stderr()).doesNotContain("Exception in thread").doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
        }
    }

    @Test
    void coversAWorkerRunningOnJava25() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestEnvironment.java25().isPresent(), "no JDK 25 here");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        List<String> arguments = List.of("--enable-coverage", "--", TestEnvironment.java25().get(),
                "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            stop(respawn);
            assertThat(respawn.stderr()).doesNotContain("Exception", "coverage is off");
        }
        ExecutionDataStore data = load(coverage(app).resolve("respawn.exec")).getExecutionDataStore();
        assertThat(covered(analyze(app, GREETING, data), "message")).isTrue();
    }
}
