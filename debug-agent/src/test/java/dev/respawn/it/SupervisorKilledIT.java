package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker under {@code --reload-mode restart}, started by a wrapper script: {@code respawn status}
 * says what it can of it; then the supervisor, killed with SIGKILL, stops nothing itself, and the
 * worker's agent sees its report channel close and ends the worker and every process it started.
 */
class SupervisorKilledIT {

    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void statusAnswersAndTheWorkersWholeTreeEndsWhenTheSupervisorIsKilled() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        // A wrapper script that leaves a child behind, then becomes the JVM: the child is the worker's.
        String script = "sleep 301 & exec " + TestEnvironment.java()
                + " -cp target/classes dev.respawn.examples.hello.HelloServer " + port;
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(),
                List.of("--reload-on-changes", "--reload-mode", "restart", "--", "bash", "-c", script))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            ProcessHandle worker = ProcessHandle.of(Long.parseLong(Http.bodyOrNull(port, "/pid"))).orElseThrow();
            List<ProcessHandle> children = worker.descendants().toList();
            assertThat(children).as("the script's sleep").anySatisfy(child ->
                    assertThat(child.info().commandLine().orElse("")).contains("sleep"));

            try (RespawnProcess status = RespawnProcess.supervisor(app.root(), List.of("status"))) {
                assertThat(status.awaitExit(SERVED)).as(status.stderr()).isZero();
                assertThat(status.stdout()).contains("worker pid " + worker.pid() + ", up ",
                        "--reload-mode restart starts a new worker process for each change");
            }

            respawn.handle().destroyForcibly();

            await().atMost(SERVED).untilAsserted(() -> {
                assertThat(worker.isAlive()).as("the worker").isFalse();
                assertThat(children).as("the worker's children").noneMatch(ProcessHandle::isAlive);
            });
        }
    }
}
