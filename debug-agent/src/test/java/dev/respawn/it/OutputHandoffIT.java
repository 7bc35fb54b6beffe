package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process restart in debug mode leaves the slow part of the old life's files (its HAR, its
 * flame graph) to the supervisor, which writes them once the new life serves: they are complete
 * all the same, and so are those of a life whose restart the supervisor is stopped right after.
 */
class OutputHandoffIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SLOW = Duration.ofSeconds(90); // every add-on on, on a shared machine

    @TempDir
    Path temp;

    @Test
    void theOldLifesFilesAreCompleteWhenWrittenAfterTheNewLifeServes() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path output = app.root().resolve(".respawn");
        List<String> arguments = new ArrayList<>(List.of("--reload-mode", "restart", "--reload-on-changes",
                "--no-class-data-sharing", "--debug-mode", "--debugger-port", Integer.toString(TestEnvironment.freePort()),
                "--", TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)));
        long first;
        long second;
        long third;
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SLOW);
            first = pid(port);
            assertThat(Http.get(port, "/hello?life=1").statusCode()).isEqualTo(200);

            app.edit(GREETING, "Hello from respawn", "Hello again");
            app.compile();
            Http.awaitBody(port, "/hello", "Hello again", SLOW);
            second = pid(port);
            assertThat(second).isNotEqualTo(first);
            assertThat(Http.get(port, "/hello?life=2").statusCode()).isEqualTo(200);

            // The first life's HAR and flame graph are written by the supervisor, after it said the
            // new life serves (the worker wrote them before it exited, and the restart waited).
            respawn.awaitStderr("recorded \\d+ exchanges? in \\S*-" + first + "\\.har", SLOW);
            respawn.awaitStderr("profile written: \\S*-" + first + "\\.html", SLOW);
            String said = respawn.stderr();
            int served = said.indexOf("restarted in");
            assertThat(served).as("the restart's report").isNotNegative();
            assertThat(indexOf(said, "recorded \\d+ exchanges? in \\S*-" + first + "\\.har"))
                    .as("the first life's HAR, said after the new life serves").isGreaterThan(served);
            assertThat(indexOf(said, "profile written: \\S*-" + first + "\\.html"))
                    .as("the first life's flame graph, said after the new life serves").isGreaterThan(served);
            assertComplete(output, first, "/hello?life=1");

            // Stopped right as the next restart says the new life serves: nothing of the second life is lost.
            int restarts = respawn.count("restarted in");
            app.edit(GREETING, "Hello again", "Hello a third time");
            app.compile();
            org.awaitility.Awaitility.await().atMost(SLOW).until(() -> respawn.count("restarted in") > restarts);
            Http.awaitBody(port, "/hello", "Hello a third time", SLOW);
            third = pid(port);
            respawn.terminate();
            respawn.awaitExit(SLOW);
        }
        assertThat(third).isNotIn(first, second);
        assertComplete(output, first, "/hello?life=1");
        assertComplete(output, second, "/hello?life=2");
        assertThat(Har.files(output.resolve("profiles"), "-" + third + ".html")).as("the last life's flame graph").hasSize(1);
        assertThat(Har.files(output.resolve("handoff"), "")).as("workers whose files are left unfinished").isEmpty();

        ExecFileLoader coverage = new ExecFileLoader();
        coverage.load(output.resolve("coverage/respawn.exec").toFile());
        assertThat(coverage.getSessionInfoStore().getInfos()).extracting(SessionInfo::getId)
                .as("a coverage session per life").contains("respawn-" + first, "respawn-" + second, "respawn-" + third);
        assertThat(coverage.getExecutionDataStore().getContents())
                .filteredOn(data -> data.getName().equals("dev/respawn/examples/hello/Greeting") && data.hasHits())
                .as("each version of Greeting, run in its life").hasSize(3);
    }

    private static long pid(int port) {
        return Long.parseLong(Http.bodyOrNull(port, "/pid"));
    }

    /** The life's HAR holds what it answered; its JFR recording has its flame graph beside it. */
    private static void assertComplete(Path output, long pid, String answered) throws IOException {
        List<Path> hars = Har.files(output.resolve("recordings"), "-" + pid + ".har");
        assertThat(hars).as("the HAR of pid " + pid).hasSize(1);
        assertThat(Har.read(hars.get(0)).entries("/hello?life=")).extracting(Har::urlPath).containsExactly(answered);
        assertThat(Har.files(output.resolve("recordings"), "-" + pid + ".journal")).as("journals left").isEmpty();
        List<Path> jfrs = Har.files(output.resolve("profiles"), "-" + pid + ".jfr");
        assertThat(jfrs).as("the JFR recording of pid " + pid).hasSize(1);
        Path html = jfrs.get(0).resolveSibling(jfrs.get(0).getFileName().toString().replace(".jfr", ".html"));
        assertThat(html).as("its flame graph").isRegularFile();
        assertThat(Files.readString(html)).as("drawn with the worker's title").contains("pid " + pid + " " + MAIN);
    }

    private static int indexOf(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }
}
