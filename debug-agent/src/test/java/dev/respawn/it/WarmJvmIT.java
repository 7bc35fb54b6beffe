package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.control.ControlFile;
import dev.respawn.reloader.ports.ListeningPorts;

/**
 * Process restarts with a warm JVM: the next worker is started ahead, waits before {@code main}
 * holding none of the application's ports, and is the one that serves the change.
 */
class WarmJvmIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private RespawnProcess supervise(ExampleWorkspace app, int port, String... options) throws IOException {
        // Without class-data sharing: the archive made after the first start changes the command
        // once, which makes the first restart after it a cold one.
        List<String> arguments = new ArrayList<>(List.of("--reload-mode", "restart", "--reload-on-changes",
                "--no-class-data-sharing"));
        arguments.addAll(List.of(options));
        arguments.addAll(List.of("--", TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)));
        return RespawnProcess.supervisor(app.root(), arguments);
    }

    private static long workerPid(int port) {
        return Long.parseLong(Http.bodyOrNull(port, "/pid"));
    }

    private static Instant started(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().startInstant()).orElseThrow();
    }

    /**
     * Now, as the start of a process just started: the JDK derives process start instants from the
     * boot time, to the second, so only they compare with each other.
     */
    private static Instant processClock() throws IOException {
        Process marker = new ProcessBuilder("sleep", "10").start();
        try {
            return marker.info().startInstant().orElseThrow();
        } finally {
            marker.destroy();
        }
    }

    /** Whether the agent's thread that watches the supervisor runs (Linux names native threads after Java's). */
    private static boolean agentConnected(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.anyMatch(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith("respawn-supervi");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Test
    void theNextWorkerWaitsBeforeMainAndServesTheChange() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            long first = workerPid(port);
            Path controlFiles = ControlFile.directory(app.root().resolve(".respawn"));

            // The warm JVM: the supervisor's other child, its agent connected to the supervisor.
            long warm = await().atMost(SERVED).until(() -> respawn.handle().children()
                    .filter(child -> child.pid() != first && child.isAlive()).map(ProcessHandle::pid).findFirst(),
                    Optional::isPresent).orElseThrow();
            await().atMost(SERVED).until(() -> agentConnected(warm));
            ProcessHandle waiting = ProcessHandle.of(warm).orElseThrow();
            assertThat(ListeningPorts.ownedBy(List.of(waiting))).as("ports of the waiting JVM").isEmpty();
            assertThat(ControlFile.find(controlFiles, warm)).as("its control channel, closed until it runs").isEmpty();
            assertThat(Http.bodyOrNull(port, "/pid")).as("the first worker still serves").isEqualTo(Long.toString(first));

            Instant beforeTheChange = processClock();
            app.edit(GREETING, "Hello from respawn", "Hello again");
            app.compile();

            Http.awaitBody(port, "/hello", "Hello again", SERVED);
            assertThat(workerPid(port)).as("the waiting JVM serves the change").isEqualTo(warm);
            assertThat(started(warm)).isBefore(beforeTheChange);
            await().atMost(SERVED).until(() -> ControlFile.find(controlFiles, warm), Optional::isPresent);
            respawn.awaitStderr("\\.class.* changed; restarted in \\d+ ms", SERVED);

            // The next one waits in turn, and ends with the supervisor, like a worker.
            ProcessHandle next = await().atMost(SERVED).until(() -> respawn.handle().children()
                    .filter(child -> child.pid() != warm && child.isAlive()).findFirst(), Optional::isPresent).orElseThrow();
            await().atMost(SERVED).until(() -> agentConnected(next.pid()));
            respawn.handle().destroyForcibly();
            await().atMost(SERVED).untilAsserted(() -> assertThat(next.isAlive()).as("the waiting JVM").isFalse());
            await().atMost(SERVED).untilAsserted(() -> assertThat(waiting.isAlive()).as("the worker").isFalse());
        }
    }

    @Test
    void noWarmJvmStartsTheWorkerAfterTheChange() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--no-warm-jvm")) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            long first = workerPid(port);

            Instant beforeTheChange = processClock();
            app.edit(GREETING, "Hello from respawn", "Hello again");
            app.compile();

            Http.awaitBody(port, "/hello", "Hello again", SERVED);
            long second = workerPid(port);
            assertThat(second).isNotEqualTo(first);
            assertThat(started(second)).isAfter(beforeTheChange);
            assertThat(respawn.handle().children().map(ProcessHandle::pid).toList()).containsExactly(second);
        }
    }
}
