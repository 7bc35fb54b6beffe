package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * The recorder's watch for ports it does not record, across a process restart: the old worker's
 * connections to the port linger (TIME_WAIT) after it is gone, and must not be taken for clients
 * of the new worker that the recorder does not see.
 */
class UnrecordedPortsIT {

    private static final Duration SERVED = Duration.ofSeconds(30);
    private static final String UNRECORDED = "the recorder sees no request there";

    @TempDir
    Path temp;

    @Test
    void aRecordedPortIsNotCalledUnrecordedAfterAProcessRestart() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        Path recordings = temp.resolve("recordings");
        List<String> arguments = List.of("--reload-on-changes", "--reload-mode", "restart", "--enable-recorder",
                "--recorder-directory", recordings.toString(), "--", TestEnvironment.java(), "-cp", "target/classes",
                "dev.respawn.examples.hello.HelloServer", Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String firstPid = Http.bodyOrNull(port, "/pid");
            for (int i = 0; i < 5; i++) {
                assertThat(Http.get(port, "/hello?life=1").statusCode()).isEqualTo(200);
            }

            respawn.writeLine("rs");
            // "rs" changes nothing: the new worker's report reads "worker pid N up in ..." like the first's.
            await().atMost(SERVED).until(() -> respawn.count("worker pid \\d+ up in") >= 2);
            // The new worker's watcher polls every 2 s and speaks after two polls that see
            // connections: left alone for five polls, it must stay silent about the served port.
            await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !respawn.stderr().contains(UNRECORDED));
            assertThat(Http.bodyOrNull(port, "/pid")).as("a new worker").isNotEqualTo(firstPid);
            assertThat(Http.get(port, "/hello?life=2").statusCode()).isEqualTo(200);

            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stderr()).doesNotContain(UNRECORDED);
        }
        List<JsonObject> second = new ArrayList<>();
        for (Path har : Har.files(recordings, ".har")) {
            second.addAll(Har.read(har).entries("/hello?life=2"));
        }
        assertThat(second).as("the new worker's exchange on the port, recorded").hasSize(1);
        assertThat(second.get(0).getAsJsonObject("request").get("url").getAsString())
                .isEqualTo("http://127.0.0.1:" + port + "/hello?life=2");
    }
}
