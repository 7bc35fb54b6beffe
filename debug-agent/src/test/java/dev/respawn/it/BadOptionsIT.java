package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad options end with one line that names them and what is accepted, exit code 2, no stack trace. */
class BadOptionsIT {

    @TempDir
    Path temp;

    private static void assertOneLine(RespawnProcess process, String... mentions) throws InterruptedException {
        assertThat(process.awaitExit(Duration.ofSeconds(20))).isEqualTo(2);
        List<String> lines = process.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("respawn: ").contains(mentions).doesNotContain("Exception");
    }

    @Test
    void anUnknownSupervisorOptionNamesItAndTheValidOnes() throws Exception {
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--relod-on-changes", "--", "java", "-version"))) {
            assertOneLine(respawn, "--relod-on-changes", "did you mean --reload-on-changes", "--quiet-period");
        }
    }

    @Test
    void aBadValueSaysWhatIsAccepted() throws Exception {
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--reload-mode", "fast", "--", "java", "-version"))) {
            assertOneLine(respawn, "--reload-mode", "auto, hotswap, in-jvm, restart", "fast");
        }
    }

    @Test
    void aFrontPortInUseOrAnAliasWithNoFolderIsOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--front-port",
                        Integer.toString(taken.getLocalPort()), "--", "java", "-version"))) {
            assertOneLine(respawn, "--front-port " + taken.getLocalPort(), "choose another port");
        }
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--front-port",
                Integer.toString(TestEnvironment.freePort()), "--url-alias", "/static", "web", "--", "java", "-version"))) {
            assertOneLine(respawn, "--url-alias /static web", "is not a directory");
        }
    }

    @Test
    void aMissingCommandSaysWhereItGoes() throws Exception {
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--reload-on-changes"))) {
            assertOneLine(respawn, "after --");
        }
    }

    @Test
    void aBadAgentOptionStopsTheJvmBeforeTheApplicationStarts() throws Exception {
        List<String> command = List.of(TestEnvironment.java(),
                "-javaagent:" + TestEnvironment.respawnJar() + "=reload-on-changes,quiet-period=soon",
                "-cp", TestEnvironment.examples().resolve("hello-http/target/classes").toString(),
                "dev.respawn.examples.hello.HelloServer", Integer.toString(TestEnvironment.freePort()));
        try (RespawnProcess worker = RespawnProcess.start(temp, command, Map.of(), "agent")) {
            assertOneLine(worker, "quiet-period", "whole number", "soon");
            assertThat(worker.stdout()).doesNotContain("listening");
        }
    }

    @Test
    void anUnknownAgentOptionListsTheValidOnes() throws Exception {
        List<String> command = List.of(TestEnvironment.java(),
                "-javaagent:" + TestEnvironment.respawnJar() + "=reload-on-change", "-version");
        try (RespawnProcess worker = RespawnProcess.start(temp, command, Map.of(), "agent")) {
            assertOneLine(worker, "unknown option 'reload-on-change'", "reload-on-changes", "quiet-period");
        }
    }
}
