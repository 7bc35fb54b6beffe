package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * The files of a life that ended in a restart inside the JVM (its HAR and its profile) are written
 * once the next life is up, off the restart's path: they are complete even when the supervisor
 * stops the worker as soon as the next life answers.
 */
class LifeOutputsIT {

    private static final Duration SERVED = Duration.ofSeconds(60);
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";

    @TempDir
    Path temp;

    @Test
    void theEndedLifesHarAndProfileAreCompleteWhenTheWorkerStopsRightAfterTheRestart() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path recordings = temp.resolve("recordings");
        Path profiles = temp.resolve("profiles");
        List<String> arguments = List.of("--reload-on-changes", "--enable-recorder", "--recorder-directory",
                recordings.toString(), "--enable-profiler", "--profiler-directory", profiles.toString(), "--",
                TestEnvironment.java(), "-cp", "target/classes", "dev.respawn.examples.hello.HelloServer",
                Integer.toString(port));
        int firstLife = 200;
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            // Enough exchanges and samples that writing them takes a while.
            for (int i = 0; i < firstLife; i++) {
                assertThat(Http.get(port, "/hello?life=1&n=" + i).statusCode()).isEqualTo(200);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get(port, "/work").body()).startsWith("primes below");
            }

            // A new field: no hot swap, a restart inside the same JVM; stopped as soon as the new life answers.
            app.edit(GREETING, "    private Greeting() {", "    private static int greeted;\n\n    private Greeting() {");
            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Greeted \" + (++greeted);");
            app.compile();
            Http.awaitBody(port, "/hello", "Greeted 1", SERVED);
            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        List<JsonObject> firstLifes = new ArrayList<>();
        List<Path> hars = Har.files(recordings, ".har");
        assertThat(hars).as("one HAR per life").hasSize(2);
        for (Path har : hars) {
            firstLifes.addAll(Har.read(har).entries("/hello?life=1"));
        }
        assertThat(firstLifes).hasSize(firstLife).allSatisfy(entry -> assertThat(new String(Har.responseBody(entry),
                StandardCharsets.UTF_8)).isEqualTo("Hello from respawn\n"));
        assertThat(Har.files(recordings, ".journal")).as("every journal became HAR").isEmpty();

        List<Path> flameGraphs = Har.files(profiles, ".html");
        assertThat(flameGraphs).as("one flame graph per life").hasSize(2);
        for (Path html : flameGraphs) {
            assertThat(Files.readString(html).strip()).as("complete: " + html).endsWith("</html>");
            Path jfr = html.resolveSibling(html.getFileName().toString().replace(".html", ".jfr"));
            assertThat(RecordingFile.readAllEvents(jfr)).as("a whole recording: " + jfr).isNotEmpty();
        }
        assertThat(Files.readString(flameGraphs.get(0)) + Files.readString(flameGraphs.get(1))).contains("countPrimesBelow");
    }
}
