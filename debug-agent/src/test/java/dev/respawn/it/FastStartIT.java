package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * respawn's JVM defaults for a faster start, on the Tomcat example (a class folder and two jars)
 * and the JDK HttpServer one (a class folder only): the first worker is C1-only and records its
 * classes, the archive is made in the background, and the next worker maps them from it, as the
 * JVM's own class-load log shows.
 */
class FastStartIT {

    private static final String MAIN = "dev.respawn.examples.jakarta.JakartaServer";
    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private RespawnProcess supervise(String java, int port, String... options) throws IOException {
        ExampleWorkspace app = ExampleWorkspace.copyOf("tomcat-jakarta", temp);
        String classPath = app.classes() + File.pathSeparator
                + TestEnvironment.examples().resolve("tomcat-jakarta/target/lib") + File.separator + "*";
        // A new worker process each time (no restart inside the JVM): the archive is for JVM starts.
        List<String> arguments = new ArrayList<>(List.of("--reload-on-changes", "--reload-mode", "restart"));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--", java, "-Xlog:class+load=info:file=" + temp.resolve("load-%p.log"),
                "-cp", classPath, MAIN, Integer.toString(port)));
        return RespawnProcess.supervisor(temp, arguments);
    }

    private static long workerPid(int port) {
        Http.awaitBody(port, "/hello", "Hello from Jakarta", SERVED);
        return Long.parseLong(Http.bodyOrNull(port, "/pid"));
    }

    private static List<String> arguments(long pid) {
        return List.of(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow());
    }

    /** How many classes named {@code prefix...} the worker's JVM took from a class-data-sharing archive. */
    private long sharedClasses(long pid, String prefix) throws IOException {
        try (Stream<String> lines = Files.lines(temp.resolve("load-" + pid + ".log"))) {
            return lines.filter(line -> line.contains(prefix) && line.contains("source: shared objects file")).count();
        }
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void theNextWorkerMapsTheJarsClassesFromTheArchiveMadeAfterTheFirst(int jdk) throws Exception {
        String java = jdk == 25 ? TestEnvironment.java25().orElse(null) : TestEnvironment.java();
        Assumptions.assumeTrue(java != null, "no JDK 25 here");
        int port = TestEnvironment.freePort();
        long first;
        long second;
        try (RespawnProcess respawn = supervise(java, port)) {
            first = workerPid(port);
            respawn.awaitStderr("faster starts: -XX:TieredStopAtLevel=1 for C1 only \\(--no-c1-only turns it off\\);"
                    + " class-data sharing of the classes it loads from the JDK and its \\d+ jars, archived after this first start",
                    SERVED);
            assertThat(arguments(first)).contains("-XX:TieredStopAtLevel=1")
                    .anyMatch(argument -> argument.startsWith("-XX:DumpLoadedClassList="));
            respawn.awaitStderr("class-data sharing: archived the classes the first worker loaded from the JDK and its \\d+ jars"
                    + " in [\\d.]+ s \\(.*\\.jsa\\)", SERVED);

            respawn.writeLine("rs");
            Http.awaitBody(port, "/hello", "Hello from Jakarta", SERVED);
            // /pid answers nothing while the old worker stops and the new one starts: not a pid yet.
            org.awaitility.Awaitility.await().atMost(SERVED).until(() -> {
                String pid = Http.bodyOrNull(port, "/pid");
                return pid != null && Long.parseLong(pid) != first;
            });
            second = workerPid(port);
            List<String> arguments = arguments(second);
            assertThat(arguments).contains("-XX:TieredStopAtLevel=1")
                    .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile=" + temp.resolve(".respawn/cds")));
            String classPath = arguments.get(arguments.indexOf("-cp") + 1);
            assertThat(classPath).as("the jars first").startsWith(
                    TestEnvironment.examples().resolve("tomcat-jakarta/target/lib").toString());
            assertThat(Files.list(temp.resolve(".respawn/cds")).filter(f -> f.toString().endsWith(".jsa")).count()).isEqualTo(1);
            // JDK 25 names every mismatch between the archive and the worker (the agent's java.instrument module, say).
            assertThat(respawn.stderr() + respawn.stdout()).doesNotContain("[error][cds]", "[warning][cds]");
        }
        assertThat(sharedClasses(first, " org.apache.")).as("Tomcat classes shared in the first worker").isZero();
        assertThat(sharedClasses(second, " org.apache.")).as("Tomcat classes shared in the second worker").isGreaterThan(300);
    }

    @Test
    void withoutJarsTheNextWorkerMapsTheJdkClassesTheFirstLoaded() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        long first;
        long second;
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--reload-on-changes", "--reload-mode", "restart", "--",
                TestEnvironment.java(), "-Xlog:class+load=info:file=" + temp.resolve("load-%p.log"),
                "-cp", app.classes().toString(), "dev.respawn.examples.hello.HelloServer", Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            first = Long.parseLong(Http.bodyOrNull(port, "/pid"));
            respawn.awaitStderr("archived the classes the first worker loaded from the JDK in", SERVED);
            respawn.writeLine("rs");
            org.awaitility.Awaitility.await().atMost(SERVED).until(() -> {
                String pid = Http.bodyOrNull(port, "/pid");
                return pid != null && Long.parseLong(pid) != first;
            });
            second = Long.parseLong(Http.bodyOrNull(port, "/pid"));
            // respawn.jar, archived too, before the class folder.
            assertThat(arguments(second)).contains("-cp", TestEnvironment.respawnJar().toAbsolutePath().normalize()
                            + File.pathSeparator + app.classes())
                    .anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));
        }
        // The JDK's own archive holds none of its HTTP server's classes; respawn's holds those the first worker used.
        assertThat(sharedClasses(first, " sun.net.httpserver.")).isZero();
        assertThat(sharedClasses(second, " sun.net.httpserver.")).isGreaterThan(10);
        assertThat(sharedClasses(first, " dev.respawn.reloader.")).isZero();
        assertThat(sharedClasses(second, " dev.respawn.reloader.")).as("the agent's own classes").isGreaterThan(5);
    }

    /**
     * In debug mode the add-ons' classes (respawn's, JaCoCo's, async-profiler's loader) come from the
     * archive too, and a JDK 25 worker maps it without a complaint: the profiler's
     * --enable-native-access=ALL-UNNAMED, which the supervisor adds after the executable, is in the
     * dump's options too (without it, JDK 25 printed [error][cds] lines at every start and dropped
     * the archived module graph).
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aDebugModeWorkerMapsTheAddOnsClassesFromTheArchive(int jdk) throws Exception {
        String java = jdk == 25 ? TestEnvironment.java25().orElse(null) : TestEnvironment.java();
        Assumptions.assumeTrue(java != null, "no JDK 25 here");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        long first;
        long second;
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--reload-on-changes", "--reload-mode",
                "restart", "--no-warm-jvm", "--debug-mode", "--debugger-port", Integer.toString(TestEnvironment.freePort()),
                "--", java, "-Xlog:class+load=info:file=" + temp.resolve("load-%p.log"),
                "-cp", app.classes().toString(), "dev.respawn.examples.hello.HelloServer", Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            first = Long.parseLong(Http.bodyOrNull(port, "/pid"));
            respawn.awaitStderr("archived the classes the first worker loaded from the JDK in", Duration.ofSeconds(120));
            respawn.writeLine("rs");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                String pid = Http.bodyOrNull(port, "/pid");
                return pid != null && Long.parseLong(pid) != first;
            });
            second = Long.parseLong(Http.bodyOrNull(port, "/pid"));
            assertThat(arguments(second)).anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="))
                    .contains("--enable-native-access=ALL-UNNAMED");
            assertThat(respawn.stderr() + respawn.stdout()).doesNotContain("[error][cds]", "[warning][cds]");
        }
        assertThat(sharedClasses(second, " dev.respawn.coverage.")).as("coverage's classes").isGreaterThan(5);
        assertThat(sharedClasses(second, " dev.respawn.recorder.")).as("the recorder's").isGreaterThan(5);
        assertThat(sharedClasses(second, " dev.respawn.agent.")).as("exception capture's and the profiler's").isGreaterThan(5);
        assertThat(sharedClasses(second, " dev.respawn.shaded.org.jacoco.")).as("JaCoCo's").isGreaterThan(5);
    }

    @Test
    void eachDefaultHasAnOptionThatTurnsItOff() throws Exception {
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(TestEnvironment.java(), port, "--no-c1-only", "--no-class-data-sharing")) {
            long pid = workerPid(port);
            assertThat(arguments(pid)).noneMatch(argument -> argument.startsWith("-XX:TieredStopAtLevel")
                    || argument.startsWith("-XX:DumpLoadedClassList") || argument.startsWith("-XX:SharedArchiveFile"));
            assertThat(respawn.stderr()).doesNotContain("faster starts");
        }
        assertThat(temp.resolve(".respawn/cds")).doesNotExist();
    }
}
