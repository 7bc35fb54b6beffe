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
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jdi.VirtualMachine;

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
        return hasThread(pid, "respawn-supervi");
    }

    private static boolean hasThread(long pid, String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.anyMatch(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith(name);
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

    /**
     * Debug mode, every add-on on: the waiting JVM holds no port (JDWP's neither) and writes no
     * file; the life it runs has its HAR, profile and coverage session, the debugger's port is
     * its; and the next waiting JVM, discarded as the supervisor stops, leaves nothing at all.
     */
    @Test
    void inDebugModeEachLifeHasItsFilesAndADiscardedWaitingJvmLeavesNone() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        int debugger = TestEnvironment.freePort();
        Duration slow = SERVED.multipliedBy(3); // every add-on on, on a shared machine
        Path output = app.root().resolve(".respawn");
        long warm;
        long discarded;
        try (RespawnProcess respawn = supervise(app, port, "--debug-mode", "--debugger-port", Integer.toString(debugger))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", slow);
            long first = workerPid(port);
            assertThat(Http.get(port, "/hello?life=1").statusCode()).isEqualTo(200);

            warm = awaitWaiting(respawn, first, slow);
            assertThat(ListeningPorts.ownedBy(List.of(ProcessHandle.of(warm).orElseThrow())))
                    .as("ports of the waiting JVM, the debugger's included").isEmpty();
            assertThat(filesOf(output, warm)).as("files of the waiting JVM").isEmpty();

            app.edit(GREETING, "Hello from respawn", "Hello again");
            app.compile();
            Http.awaitBody(port, "/hello", "Hello again", slow);
            assertThat(workerPid(port)).as("the waiting JVM serves the change").isEqualTo(warm);
            assertThat(Http.get(port, "/hello?life=2").statusCode()).isEqualTo(200);
            assertThat(ListeningPorts.ownedBy(List.of(ProcessHandle.of(warm).orElseThrow())))
                    .as("the debugger's port, now the warm worker's").contains(debugger);
            VirtualMachine vm = Jdi.attach(debugger);
            try {
                assertThat(vm.classesByName("dev.respawn.examples.hello.Greeting")).as("the application's JVM").isNotEmpty();
            } finally {
                vm.dispose();
            }

            discarded = awaitWaiting(respawn, warm, slow);
            respawn.terminate();
            respawn.awaitExit(slow);
        }
        assertThat(ProcessHandle.of(discarded).map(ProcessHandle::isAlive)).as("the discarded JVM").isNotEqualTo(Optional.of(true));
        assertThat(filesOf(output, discarded)).as("files of the discarded waiting JVM").isEmpty();

        Path recordings = output.resolve("recordings");
        assertThat(Har.files(recordings, ".har")).hasSize(2);
        assertThat(Har.read(single(recordings, warm, ".har")).entries("/hello?life=")).extracting(Har::urlPath)
                .containsExactly("/hello?life=2");
        single(output.resolve("profiles"), warm, ".jfr");
        assertThat(Har.files(output.resolve("profiles"), ".jfr")).as("a profile per life").hasSize(2);

        ExecFileLoader coverage = new ExecFileLoader();
        coverage.load(output.resolve("coverage/respawn.exec").toFile());
        assertThat(coverage.getSessionInfoStore().getInfos()).extracting(SessionInfo::getId)
                .as("a coverage session per life, none of the discarded JVM").hasSize(2).contains("respawn-" + warm);
        assertThat(coverage.getExecutionDataStore().getContents())
                .filteredOn(data -> data.getName().equals("dev/respawn/examples/hello/Greeting") && data.hasHits())
                .as("both versions of Greeting, each run in its life").hasSize(2);
    }

    /** The supervisor's child other than {@code worker}, once it waits for go with every add-on installed. */
    private static long awaitWaiting(RespawnProcess respawn, long worker, Duration timeout) {
        long waiting = await().atMost(timeout).until(() -> respawn.handle().children()
                .filter(child -> child.pid() != worker && child.isAlive()).map(ProcessHandle::pid).findFirst(),
                Optional::isPresent).orElseThrow();
        await().atMost(timeout).until(() -> hasThread(waiting, "respawn-waiting"));
        return waiting;
    }

    /** The files anywhere under {@code directory} whose names carry {@code pid} (lives' files end in -PID). */
    private static List<Path> filesOf(Path directory, long pid) throws IOException {
        Pattern ofPid = Pattern.compile("(^|\\D)" + pid + "(\\D|$)");
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> ofPid.matcher(file.getFileName().toString()).find()).toList();
        }
    }

    private static Path single(Path directory, long pid, String suffix) throws IOException {
        List<Path> files = Har.files(directory, "-" + pid + suffix);
        assertThat(files).as(suffix + " of pid " + pid + " in " + directory).hasSize(1);
        return files.get(0);
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
