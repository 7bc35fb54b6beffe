package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(List.of("--exclude", "["), "--exclude"),
                Arguments.of(List.of("--debug-directory", ""), "--debug-directory"),
                Arguments.of(List.of("--exceptions-directory", ""), "--exceptions-directory"),
                Arguments.of(List.of("--recorder-redact", ""), "--recorder-redact"),
                Arguments.of(List.of("--watch", "no-such-dir"), "--watch"),
                Arguments.of(List.of("--source-path", "src/nowhere"), "--source-path"),
                Arguments.of(List.of("--profiler-interval", "xyz"), "--profiler-interval"),
                Arguments.of(List.of("--quiet-period", "999999999999"), "--quiet-period"),
                Arguments.of(List.of("--quiet-period", "-1"), "--quiet-period"),
                Arguments.of(List.of("--shutdown-timeout", "99999999999"), "--shutdown-timeout"),
                Arguments.of(List.of("--recorder-body-limit", "-5"), "--recorder-body-limit"),
                Arguments.of(List.of("--debugger-port", "70000"), "--debugger-port"));
    }

    /** Each bad value: one line naming the option, exit code 2, no worker, nothing written. */
    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueIsOneLineBeforeAnyWorkerStarts(List<String> options, String option) throws Exception {
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("--", TestEnvironment.java(), "-version"));
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, arguments)) {
            assertOneLine(respawn, option);
        }
        try (Stream<Path> written = Files.list(temp)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void aDebuggerPortInUseIsABadValue() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("--enable-debugger",
                        "--debugger-port", Integer.toString(taken.getLocalPort()), "--", TestEnvironment.java(), "-version"))) {
            assertOneLine(respawn, "--debugger-port", "in use");
        }
    }

    @Test
    void aNegativeProfileWindowIsABadValue() throws Exception {
        try (RespawnProcess respawn = RespawnProcess.supervisor(temp, List.of("profile", "--seconds", "-1"))) {
            assertOneLine(respawn, "--seconds");
            assertThat(respawn.stderr()).doesNotContain("profiling");
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
