package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that listens only after the supervisor stopped waiting for it (a large application on a
 * loaded machine, a breakpoint in its start: a minute, here shortened) is served through the front
 * once it listens, instead of a 503 until the next reload.
 */
class FrontSlowStartIT {

    @TempDir
    Path temp;

    @Test
    void aWorkerListeningAfterTheSupervisorGaveUpIsServedThroughTheFront() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int front = TestEnvironment.freePort();
        String worker = "sleep 6; exec " + TestEnvironment.java() + " -cp target/classes dev.respawn.examples.hello.HelloServer "
                + TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.start(app.root(), List.of(TestEnvironment.java(),
                "-Drespawn.readiness.giveUpMillis=1000", "-jar", TestEnvironment.respawnJar().toString(),
                "--front-port", Integer.toString(front), "--", "/bin/sh", "-c", worker), Map.of(), "supervisor")) {
            // The supervisor stopped waiting for it before it listened, and said so.
            respawn.awaitStderr("listens on no port after 1 s", Duration.ofSeconds(30));
            Http.awaitBody(front, "/hello", "Hello from respawn", Duration.ofSeconds(60));
            assertThat(respawn.stderr()).containsOnlyOnce(" up in ").contains("listening on [");
        }
    }
}
