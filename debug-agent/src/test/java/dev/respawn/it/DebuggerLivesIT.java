package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-JVM restarts with the debugger on (JDWP holds the JVM's own main thread, the first life's,
 * for as long as the JVM runs) and the class-rewriting add-ons: every dropped life's class loader
 * is collected, and metaspace stays flat, as {@code respawn status} reports after a full GC.
 */
class DebuggerLivesIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final Duration SERVED = Duration.ofSeconds(30);
    private static final Pattern STATUS = Pattern.compile("life (\\d+), (\\d+) in-JVM restarts?, (\\d+) dropped class "
            + "loaders? still in memory after a full GC.*, metaspace used (\\d+) KiB");
    private static final int RESTARTS = 6;
    /** Metaspace moves by a few KiB between two full GCs; lives kept in memory would add their classes each time. */
    private static final long METASPACE_SLACK_KIB = 200;

    @TempDir
    Path temp;

    @Test
    void droppedLivesAreCollectedWithTheDebuggerOn() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        int debugger = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--enable-debugger", "--debugger-port", Integer.toString(debugger), "--capture-exceptions",
                "--enable-coverage", "--", TestEnvironment.java(), "-cp", "target/classes", MAIN,
                Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            long metaspaceAfterTwo = 0;
            for (int life = 1; life <= RESTARTS; life++) {
                assertThat(Http.get(port, "/order?item=book&quantity=-1").statusCode()).isEqualTo(500);
                respawn.writeLine("rs");
                int next = life + 1;
                Matcher status = await().atMost(SERVED).pollInterval(Duration.ofMillis(200))
                        .until(() -> status(app), s -> s.isPresent() && Integer.parseInt(s.get().group(1)) == next)
                        .orElseThrow();
                Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
                if (life == 2) {
                    metaspaceAfterTwo = Long.parseLong(status.group(4));
                }
            }
            assertThat(Http.bodyOrNull(port, "/pid")).as("one worker JVM all along").isEqualTo(pid);
            Matcher last = status(app).orElseThrow();
            assertThat(last.group(2)).isEqualTo(Integer.toString(RESTARTS));
            assertThat(last.group(3)).as("dropped loaders a full GC could not collect: " + last.group()).isEqualTo("0");
            assertThat(Long.parseLong(last.group(4))).as("metaspace after " + RESTARTS + " restarts against after 2")
                    .isLessThanOrEqualTo(metaspaceAfterTwo + METASPACE_SLACK_KIB);
        }
    }

    /** {@code java -jar respawn.jar status}, as a user would run it beside the supervisor. */
    private static Optional<Matcher> status(ExampleWorkspace app) throws Exception {
        try (RespawnProcess status = RespawnProcess.supervisor(app.root(), List.of("status"))) {
            if (status.awaitExit(SERVED) != 0) {
                return Optional.empty();
            }
            Matcher matcher = STATUS.matcher(status.stdout());
            return matcher.find() ? Optional.of(matcher) : Optional.empty();
        }
    }
}
