package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** The recorder across restarts inside the worker JVM: a HAR per life of the application. */
class RecorderLivesIT {

    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void eachLifeOfARestartInsideTheJvmGetsItsOwnHarWrittenAsItEnds() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path recordings = temp.resolve("recordings");
        List<String> arguments = List.of("--reload-on-changes", "--enable-recorder", "--recorder-directory",
                recordings.toString(), "--", TestEnvironment.java(), "-cp", "target/classes",
                "dev.respawn.examples.hello.HelloServer", Integer.toString(port));
        String greeting = "dev/respawn/examples/hello/Greeting.java";
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            assertThat(Http.get(port, "/hello?life=1").statusCode()).isEqualTo(200);

            // A new field: no hot swap, a restart inside the same JVM.
            app.edit(greeting, "    private Greeting() {", "    private static int greeted;\n\n    private Greeting() {");
            app.edit(greeting, "return \"Hello from respawn\";", "return \"Greeted \" + (++greeted);");
            app.compile();
            Http.awaitBody(port, "/hello", "Greeted 1", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            assertThat(Http.get(port, "/hello?life=2").statusCode()).isEqualTo(200);

            // The first life's HAR, while the worker runs on.
            await().atMost(SERVED).untilAsserted(() -> assertThat(Har.files(recordings, ".har")).hasSize(1));
            Har first = Har.read(Har.files(recordings, ".har").get(0));
            assertThat(first.entries("/hello?life=")).extracting(Har::urlPath).containsExactly("/hello?life=1");
            // Every /hello the first life answered whole was the old code's (one the stopping server
            // cut short says so in _error).
            assertThat(first.entries("/hello")).filteredOn(entry -> !entry.getAsJsonObject("response").has("_error"))
                    .isNotEmpty().allSatisfy(entry -> assertThat(new String(Har.responseBody(entry),
                            StandardCharsets.UTF_8)).isEqualTo("Hello from respawn\n"));
            assertThat(Har.files(recordings, ".journal")).as("the second life's, being written").hasSize(1);

            respawn.terminate();
            respawn.awaitExit(SERVED);
        }
        List<Path> hars = Har.files(recordings, ".har");
        assertThat(hars).hasSize(2);
        List<JsonObject> second = new ArrayList<>();
        for (Path har : hars) {
            second.addAll(Har.read(har).entries("/hello?life=2"));
        }
        assertThat(second).hasSize(1);
        assertThat(new String(Har.responseBody(second.get(0)), StandardCharsets.UTF_8)).startsWith("Greeted ");
        assertThat(Har.files(recordings, ".journal")).isEmpty();
    }
}
