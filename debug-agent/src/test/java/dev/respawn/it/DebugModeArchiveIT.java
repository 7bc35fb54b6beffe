package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-data sharing in debug mode: on JDK 25 with exception capture and coverage the archive is
 * made (it once failed on classes Byte Buddy defined in loaders of its own), with the agent's own
 * ASM in it, and it is made while the application keeps restarting inside the JVM, each life
 * listing its classes again.
 */
class DebugModeArchiveIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void theArchiveIsMadeOnJava25WithExceptionCaptureWhileTheApplicationKeepsRestarting() throws Exception {
        Optional<String> java25 = TestEnvironment.java25();
        Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 here");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--capture-exceptions", "--enable-coverage", "--", java25.get(), "-cp", "target/classes", MAIN,
                Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            // A restart about every second: more often than the class list may stay still (2 s) before
            // it is dumped, so only a list that stops growing with each life gets its archive.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                respawn.writeLine("rs");
                return respawn.stderr().contains("class-data sharing: archived")
                        || respawn.stderr().contains("class-data sharing: no archive");
            });
            assertThat(respawn.stderr()).contains("class-data sharing: archived the classes the first worker loaded")
                    .doesNotContain("no archive");
            assertThat(respawn.count("restarted inside the JVM")).as("lives while the list was recorded")
                    .isGreaterThanOrEqualTo(2);
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
        }
        try (Stream<Path> files = Files.list(app.root().resolve(".respawn/cds"))) {
            Path classList = files.filter(f -> f.toString().endsWith(".classlist")).findFirst().orElseThrow();
            assertThat(Files.readString(classList)).doesNotContain(" source: ")
                    .as("exception capture's ASM, archived from respawn.jar").contains("dev/respawn/shaded/org/objectweb/asm/tree/");
            assertThat(classList.resolveSibling(classList.getFileName().toString().replace(".classlist", ".jsa")))
                    .isRegularFile();
        }
    }
}
