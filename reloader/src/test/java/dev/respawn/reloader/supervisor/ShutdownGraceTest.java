package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JVM stopped by SIGTERM whose shutdown hook outlasts the timeout, working or waiting. */
class ShutdownGraceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path temp;

    @Test
    void aJvmWorkingOnItsShutdownHooksIsGivenLongerThanTheTimeout() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "/proc");
        Path written = temp.resolve("written");
        Process jvm = start(written, 3, "busy");
        AtomicInteger extended = new AtomicInteger();

        boolean graceful = ProcessTree.stop(ProcessTree.of(jvm.toHandle()), TIMEOUT, extended::incrementAndGet);

        assertThat(graceful).as("stopped by its hooks, not killed").isTrue();
        assertThat(written).as("what the hook writes at its end").exists();
        assertThat(extended).as("said once").hasValue(1);
    }

    @Test
    void aJvmWaitingInItsShutdownHooksIsKilledAtTheTimeout() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "/proc");
        Path written = temp.resolve("written");
        Process jvm = start(written, 60, "idle");

        boolean graceful = ProcessTree.stop(ProcessTree.of(jvm.toHandle()), TIMEOUT, () -> { });

        assertThat(graceful).as("a hook that only waits is not waited for past the bound").isFalse();
        assertThat(jvm.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("ended").isTrue();
        assertThat(written).doesNotExist();
    }

    /** The worker, once it has said it is ready (its hook registered). */
    private static Process start(Path written, int seconds, String mode) throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SlowShutdownHook.class.getName(), written.toString(), Integer.toString(seconds), mode)
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        return jvm;
    }
}
