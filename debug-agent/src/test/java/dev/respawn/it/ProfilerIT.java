package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --enable-profiler: one flame graph and one JFR recording per life of the application (a worker
 * process, or a restart inside it), read with the JDK's own reader.
 */
class ProfilerIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final Duration SERVED = Duration.ofSeconds(30);
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";

    @TempDir
    Path temp;

    private static void work(int port, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(Http.get(port, "/work").body()).startsWith("primes below 200000: ");
        }
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** CPU or wall-clock samples whose stack passes through {@code method}. */
    private static long samplesIn(Path jfr, String method) throws IOException {
        long count = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            String type = event.getEventType().getName();
            if (event.getStackTrace() == null
                    || !(type.equals("jdk.ExecutionSample") || type.equals("profiler.WallClockSample"))) {
                continue;
            }
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                if (frame.getMethod().getName().equals(method)) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    /** A setting async-profiler wrote into its recording, such as the engine it sampled with. */
    private static String setting(Path jfr, String name) throws IOException {
        return RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.ActiveSetting") && name.equals(e.getString("name")))
                .map(e -> e.getString("value")).findFirst().orElse(null);
    }

    @Test
    void writesAFlameGraphAndARecordingForEachWorkerLife() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path profiles = app.root().resolve(".respawn/profiles");
        List<String> arguments = List.of("--reload-on-changes", "--reload-mode", "restart", "--enable-profiler", "--",
                TestEnvironment.java(), "-Dhello.housekeeping=true", "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            respawn.awaitStderr("profiling with async-profiler \\(.+\\)", SERVED);
            work(port, 15);

            app.edit("dev/respawn/examples/hello/Greeting.java", "Hello from respawn", "Second life");
            app.compile();
            Http.awaitBody(port, "/hello", "Second life", SERVED);
            // Drawn by the supervisor from the first life's recording, once the second life serves.
            await().atMost(SERVED).untilAsserted(() -> assertThat(files(profiles, ".html"))
                    .as("the first life's flame graph").hasSize(1));
            work(port, 15);

            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profiles))).isEqualTo("rwx------");
        List<Path> recordings = files(profiles, ".jfr");
        List<Path> flameGraphs = files(profiles, ".html");
        assertThat(recordings).hasSize(2);
        assertThat(flameGraphs).hasSize(2);
        for (Path jfr : recordings) {
            assertThat(samplesIn(jfr, "countPrimesBelow")).as("request samples in " + jfr).isPositive();
            assertThat(samplesIn(jfr, "churn")).as("background samples in " + jfr).isPositive();
            // Not perf events: their clock costs every context switch a request makes.
            assertThat(setting(jfr, "engine")).as("async-profiler's engine").isEqualTo("ctimer");
        }
        for (Path html : flameGraphs) {
            assertThat(Files.readString(html)).contains("PrimeSieve").contains("countPrimesBelow");
        }
    }

    @Test
    void writesAPairForEachLifeOfARestartInsideTheJvm() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path profiles = app.root().resolve(".respawn/profiles");
        List<String> arguments = List.of("--reload-on-changes", "--enable-profiler", "--", TestEnvironment.java(),
                "-cp", "target/classes", MAIN, Integer.toString(port));
        String pid;
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            pid = Http.bodyOrNull(port, "/pid");
            assertThat(ProcessHandle.of(Long.parseLong(pid)).orElseThrow().info().arguments().orElseThrow())
                    .as("a profiled worker runs the full JIT, not respawn's default C1 only")
                    .noneMatch(argument -> argument.startsWith("-XX:TieredStopAtLevel"));
            work(port, 15);

            // A new field: no hot swap, a restart inside the same JVM.
            app.edit(GREETING, "    private Greeting() {", "    private static int greeted;\n\n    private Greeting() {");
            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Greeted \" + (++greeted);");
            app.compile();
            Http.awaitBody(port, "/hello", "Greeted 1", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            await().atMost(SERVED).untilAsserted(() -> assertThat(files(profiles, ".html"))
                    .as("the first life's flame graph, drawn once its recording is complete").hasSize(1));
            // Its recording, not the running life's (whose file exists, and may sort first as TIME-2-PID.jfr).
            Path html = files(profiles, ".html").get(0);
            Path firstLife = html.resolveSibling(html.getFileName().toString().replace(".html", ".jfr"));
            assertThat(samplesIn(firstLife, "countPrimesBelow")).as("the first life's samples").isPositive();
            work(port, 15);

            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        List<Path> recordings = files(profiles, ".jfr");
        assertThat(recordings).hasSize(2).allSatisfy(jfr -> {
            assertThat(jfr.getFileName().toString()).contains("-" + pid);
            assertThat(samplesIn(jfr, "countPrimesBelow")).as("samples of each life, in " + jfr).isPositive();
        });
        assertThat(files(profiles, ".html")).hasSize(2);
    }

    @Test
    void perfSamplesWithPerfEventsWhereTheKernelAllowsAndSaysWhich() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path profiles = app.root().resolve(".respawn/profiles");
        List<String> arguments = List.of("--enable-profiler", "--profiler-event", "perf", "--", TestEnvironment.java(),
                "-cp", "target/classes", MAIN, Integer.toString(port));
        String said;
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            respawn.awaitStderr("profiling with async-profiler \\(.+\\)", SERVED);
            said = respawn.stderr();
            work(port, 10);
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        Path jfr = files(profiles, ".jfr").get(0);
        assertThat(samplesIn(jfr, "countPrimesBelow")).isPositive();
        assertThat(setting(jfr, "engine")).isEqualTo(said.contains("from perf events") ? "perf_events" : "ctimer");
    }

    @Test
    void fallsBackToTheJdksFlightRecorderWhereAsyncProfilerCannotRun() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path profiles = app.root().resolve(".respawn/profiles");
        List<String> arguments = new ArrayList<>(List.of("--enable-profiler", "--", TestEnvironment.java(),
                "-Drespawn.profiler=jfr", "-cp", "target/classes", MAIN, Integer.toString(port)));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            respawn.awaitStderr("profiling with the JDK's Flight Recorder", SERVED);
            work(port, 20);
            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stderr()).contains("profile written: ");
        }
        List<Path> recordings = files(profiles, ".jfr");
        assertThat(recordings).hasSize(1);
        assertThat(samplesIn(recordings.get(0), "countPrimesBelow")).isPositive();
        // async-profiler's converter draws the JDK's own recording too.
        assertThat(files(profiles, ".html")).singleElement()
                .satisfies(html -> assertThat(Files.readString(html)).contains("countPrimesBelow"));
    }

    @Test
    void profileRequestsSamplesOnlyThreadsServingARequest() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path profiles = app.root().resolve(".respawn/profiles");
        List<String> arguments = List.of("--profile-requests", "--", TestEnvironment.java(),
                "-Dhello.housekeeping=true", "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            respawn.awaitStderr("profiling the wall-clock time of threads while they serve a request", SERVED);
            work(port, 20);
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        Path jfr = files(profiles, ".jfr").get(0);
        assertThat(samplesIn(jfr, "countPrimesBelow")).as("request samples").isPositive();
        assertThat(samplesIn(jfr, "churn")).as("background samples").isZero();
        assertThat(Files.readString(files(profiles, ".html").get(0))).contains("countPrimesBelow").doesNotContain("churn");
    }

    @Test
    void profilesAWindowOnDemand() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path profiles = app.root().resolve(".respawn/profiles");
        List<String> arguments = List.of("--enable-profiler", "--", TestEnvironment.java(),
                "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread load = new Thread(() -> {
                while (busy.get()) {
                    Http.bodyOrNull(port, "/work");
                }
            });
            load.start();
            try (RespawnProcess profile = RespawnProcess.supervisor(app.root(), List.of("profile", "--seconds", "2"))) {
                assertThat(profile.awaitExit(SERVED)).as(profile.stderr()).isZero();
                String written = profile.stdout();
                assertThat(written).containsPattern("respawn: profile written: .+\\.html and .+\\.jfr");
                Path jfr = Path.of(written.substring(written.lastIndexOf(" and ") + 5).strip());
                assertThat(samplesIn(jfr, "countPrimesBelow")).isPositive();
            } finally {
                busy.set(false);
                load.join();
            }
            // The life before the window was written as the window began; the rest comes at the end.
            assertThat(files(profiles, ".html")).hasSize(2);
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        assertThat(files(profiles, ".html")).hasSize(3);
    }

    @Test
    void profilesAJava25WorkerWithoutWarnings() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestEnvironment.java25().isPresent(),
                "no JDK 25 at " + System.getProperty("respawn.test.jdk25") + "; skipped");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path profiles = app.root().resolve(".respawn/profiles");
        List<String> arguments = List.of("--enable-profiler", "--", TestEnvironment.java25().get(),
                "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            work(port, 10);
            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stderr()).contains("profiling with async-profiler").doesNotContain("WARNING");
        }
        assertThat(samplesIn(files(profiles, ".jfr").get(0), "countPrimesBelow")).isPositive();
    }

    @Test
    void profileWithoutARunningWorkerSaysWhatToDo() throws Exception {
        try (RespawnProcess profile = RespawnProcess.supervisor(temp, List.of("profile", "--seconds", "1"))) {
            assertThat(profile.awaitExit(SERVED)).isEqualTo(1);
            assertThat(profile.stderr()).contains("respawn: no running worker").contains("--enable-profiler")
                    .doesNotContain("Exception");
        }
    }
}
