package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor, run from respawn.jar, reloading the hello-http example as its class files change. */
class ReloadIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    /** The supervisor with process restarts only: these tests are about restarting (HotSwapIT has the rest). */
    private RespawnProcess supervise(ExampleWorkspace app, int port, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--reload-mode", "restart"));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--", TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)));
        return RespawnProcess.supervisor(app.root(), arguments);
    }

    private static long workerPid(int port) {
        return Long.parseLong(Http.bodyOrNull(port, "/pid"));
    }

    @Test
    void servesTheNewCodeAfterAClassFileChanges() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            assertThat(Http.bodyOrNull(port, "/env")).isEqualTo("RESPAWN=1");
            long before = workerPid(port);

            app.edit(GREETING, "Hello from respawn", "Hello again");
            app.compile();

            Http.awaitBody(port, "/hello", "Hello again", SERVED);
            assertThat(workerPid(port)).isNotEqualTo(before);
            assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false))
                    .as("the old worker is gone").isFalse();
            // Every class is rewritten by the build; the line names a few of them.
            respawn.awaitStderr("\\.class.* changed; restarted in \\d+ ms", SERVED);
        }
    }

    @Test
    void restartsOnceForABurstOfWrites() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);

            // A build rewriting every class file, some twice, a few milliseconds apart.
            app.edit(GREETING, "Hello from respawn", "Burst");
            Path built = app.compileAside(temp.resolve("built"));
            for (int round = 0; round < 3; round++) {
                ExampleWorkspace.copyTree(built, app.classes());
                Thread.sleep(5);
            }
            Http.awaitBody(port, "/hello", "Burst", SERVED);

            // A later, separate change restarts exactly once more: had the burst restarted twice,
            // there would be three restarts by then.
            app.edit(GREETING, "Burst", "After");
            app.compile();
            Http.awaitBody(port, "/hello", "After", SERVED);
            respawn.awaitStderr("(?s)(restarted in.*){2}", SERVED);
            assertThat(respawn.count("restarted in")).isEqualTo(2);
        }
    }

    @Test
    void waitsForADeletedClassFolderToBeBuiltAgain() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            long before = workerPid(port);

            // mvn clean: the class folder's parent goes; nothing may restart into an empty tree.
            ExampleWorkspace.deleteTree(app.root().resolve("target"));
            respawn.awaitStderr("waiting for \\d+ class files? to be written again", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the old worker keeps serving").isEqualTo(Long.toString(before));

            // ... then compile, seconds later.
            app.edit(GREETING, "Hello from respawn", "Rebuilt");
            Files.createDirectories(app.classes());
            app.compile();

            Http.awaitBody(port, "/hello", "Rebuilt", SERVED);
            // and the watcher sees the recreated folder: one more change is served too.
            app.edit(GREETING, "Rebuilt", "Watched again");
            app.compile();
            Http.awaitBody(port, "/hello", "Watched again", SERVED);
            respawn.awaitStderr("(?s)(restarted in.*){2}", SERVED);
            assertThat(respawn.count("restarted in")).isEqualTo(2);
        }
    }

    @Test
    void aWorkerThatCannotStartIsReportedAndRetriedOnTheNextChange() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        app.edit(GREETING, "return \"Hello from respawn\";", "throw new IllegalStateException(\"broken on purpose\");");
        app.edit("dev/respawn/examples/hello/HelloServer.java", "server.start();", "Greeting.message();\n        server.start();");
        app.compile();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes")) {
            // The application's exception and frame, not respawn's frames or lines.
            respawn.awaitStderr("exited with code 1; IllegalStateException: broken on purpose at Greeting\\.message\\("
                    + "Greeting\\.java:\\d+\\); waiting for a change", SERVED);
            assertThat(respawn.handle().isAlive()).as("the supervisor goes on").isTrue();

            app.edit(GREETING, "throw new IllegalStateException(\"broken on purpose\");", "return \"Fixed\";");
            app.compile();
            Http.awaitBody(port, "/hello", "Fixed", SERVED);
        }
    }

    @Test
    void restartsWhenAJarTheApplicationLoadedFromChanges() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        String greeting = "dev/respawn/examples/hello/Greeting.class";
        Path jar = app.root().resolve("lib/greeting.jar");
        Files.createDirectories(jar.getParent());
        writeJar(jar, greeting, Files.readAllBytes(app.classes().resolve(greeting)));
        Files.delete(app.classes().resolve(greeting));
        List<String> arguments = List.of("--reload-on-changes", "--", TestEnvironment.java(),
                "-cp", "lib/greeting.jar:target/classes", MAIN, Integer.toString(port));
        // A jar is never hot-swapped: this runs in the default mode.
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);

            app.edit(GREETING, "Hello from respawn", "From a new jar");
            Path built = app.compileAside(temp.resolve("built"));
            writeJar(jar, greeting, Files.readAllBytes(built.resolve(greeting)));

            Http.awaitBody(port, "/hello", "From a new jar", SERVED);
            respawn.awaitStderr("greeting.jar changed; restarted in", SERVED);
        }
    }

    private static void writeJar(Path jar, String entry, byte[] bytes) throws IOException {
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.write(bytes);
            out.closeEntry();
        }
    }

    @Test
    void changesUnderExcludedPathsNeverRestart() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes", "--exclude", "*.css")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            long before = workerPid(port);

            Files.createDirectories(app.classes().resolve("static"));
            Files.writeString(app.classes().resolve("static/app.js"), "console.log(1)");
            Files.createDirectories(app.classes().resolve("META-INF/resources"));
            Files.writeString(app.classes().resolve("META-INF/resources/index.html"), "<p>hi</p>");
            Files.writeString(app.classes().resolve("site.css"), "p {}");

            // A real change afterwards is the one and only restart.
            app.edit(GREETING, "Hello from respawn", "Only this");
            app.compile();
            Http.awaitBody(port, "/hello", "Only this", SERVED);
            assertThat(workerPid(port)).isNotEqualTo(before);
            // The line follows the first answer by up to one readiness poll.
            respawn.awaitStderr("restarted in", SERVED);
            assertThat(respawn.count("restarted in")).isEqualTo(1);
            assertThat(respawn.stderr()).doesNotContain("app.js", "index.html", "site.css");
        }
    }

    @Test
    void noWorkerOutlivesTheSupervisor() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        RespawnProcess respawn = supervise(app, port, "--reload-on-changes");
        try (respawn) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            ProcessHandle worker = ProcessHandle.of(workerPid(port)).orElseThrow();

            respawn.terminate();

            respawn.awaitExit(SERVED);
            await().atMost(SERVED).until(() -> !worker.isAlive());
        }
    }

    @Test
    void aWorkerWhoseSupervisorWasKilledEndsItself() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            ProcessHandle worker = ProcessHandle.of(workerPid(port)).orElseThrow();

            respawn.handle().destroyForcibly();

            await().atMost(SERVED).until(() -> !worker.isAlive());
        }
    }

    @Test
    void rsOnTheTerminalAndSighupForceARestart() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            long first = workerPid(port);

            respawn.writeLine("rs");
            await().atMost(SERVED).until(() -> {
                String pid = Http.bodyOrNull(port, "/pid");
                return pid != null && Long.parseLong(pid) != first;
            });
            long second = workerPid(port);

            new ProcessBuilder("kill", "-HUP", Long.toString(respawn.pid())).start().waitFor();
            await().atMost(SERVED).until(() -> {
                String pid = Http.bodyOrNull(port, "/pid");
                return pid != null && Long.parseLong(pid) != second && Long.parseLong(pid) != first;
            });
        }
    }

    @Test
    void theAgentAloneExitsWithCodeThreeWhenATrackedFileChanges() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        List<String> command = List.of(TestEnvironment.java(),
                "-javaagent:" + TestEnvironment.respawnJar() + "=reload-on-changes",
                "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess worker = RespawnProcess.start(app.root(), command, java.util.Map.of(), "agent")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);

            app.edit(GREETING, "Hello from respawn", "Changed");
            app.compile();

            assertThat(worker.awaitExit(SERVED)).isEqualTo(3);
            assertThat(worker.stderr()).contains("exiting with code 3");
        }
    }

    @Test
    void reloadsAWorkerRunningOnJava25() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestEnvironment.java25().isPresent(),
                "no JDK 25 at " + System.getProperty("respawn.test.jdk25") + "; skipped");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        List<String> arguments = List.of("--reload-on-changes", "--reload-mode", "restart", "--", TestEnvironment.java25().get(),
                "-cp", "target/classes", MAIN, Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);

            app.edit(GREETING, "Hello from respawn", "Hello, 25");
            app.compile();

            Http.awaitBody(port, "/hello", "Hello, 25", SERVED);
            // The line follows the first answer by up to one readiness poll.
            respawn.awaitStderr("restarted in", SERVED);
            try (Stream<String> lines = respawn.stderr().lines()) {
                assertThat(lines.filter(l -> l.contains("restarted in"))).hasSize(1);
            }
        }
    }
}
