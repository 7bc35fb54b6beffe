package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default reload mode: a change to method bodies only is redefined in place, anything else
 * restarts the application (inside the JVM, which {@link InJvmRestartIT} covers further).
 */
class HotSwapIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private RespawnProcess supervise(ExampleWorkspace app, int port) throws Exception {
        return RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--",
                TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)));
    }

    @Test
    void aMethodBodyChangeIsServedWithoutARestartAndKeepsState() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            assertThat(Http.bodyOrNull(port, "/count")).isEqualTo("1");
            assertThat(Http.bodyOrNull(port, "/count")).isEqualTo("2");

            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Swapped \" + (1 + 1);");
            app.compile();

            Http.awaitBody(port, "/hello", "Swapped 2", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker").isEqualTo(pid);
            assertThat(Http.bodyOrNull(port, "/count")).as("its state kept").isEqualTo("3");
            respawn.awaitStderr("respawn: Greeting.class changed; hot-swapped in \\d+ ms \\(no restart\\)", SERVED);
            assertThat(respawn.count("restarted in")).isZero();
        }
    }

    @Test
    void aNewFieldRestartsInsideTheJvmAndSaysWhy() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            assertThat(Http.bodyOrNull(port, "/count")).isEqualTo("1");

            app.edit(GREETING, "    private Greeting() {", "    private static int greeted;\n\n    private Greeting() {");
            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Greeted \" + (++greeted);");
            app.compile();

            Http.awaitBody(port, "/hello", "Greeted 1", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            assertThat(Http.bodyOrNull(port, "/count")).as("the application started over").isEqualTo("1");
            respawn.awaitStderr("changed \\(Greeting.class: a field was added \\(greeted\\)\\); restarted inside the JVM in", SERVED);
        }
    }
}
