package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --compile-on-save}: the test only edits sources, as a developer in an editor without a
 * build would; respawn compiles them against the worker's class path into its class folder.
 */
class CompileOnSaveIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final String EXTRA = "dev/respawn/examples/hello/Extra.java";
    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void aSavedSourceIsServedAnErrorKeepsTheOldCodeAndADeletedSourceTakesItsClasses() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        // No --reload-on-changes: compiling on save implies it.
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--compile-on-save", "--",
                TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            respawn.awaitStderr("compiling saved sources of src/main/java into target/classes", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");

            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Compiled \" + (1 + 1);");
            Http.awaitBody(port, "/hello", "Compiled 2", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("a hot swap in the same worker").isEqualTo(pid);

            app.edit(GREETING, "return \"Compiled \" + (1 + 1);", "return \"Broken\" +;");
            respawn.awaitStderr("Greeting\\.java:10: illegal start of expression", SERVED);
            respawn.awaitStderr("respawn: Greeting\\.java did not compile; the worker keeps the classes it has", SERVED);
            assertThat(Http.bodyOrNull(port, "/hello")).as("the old code goes on serving").isEqualTo("Compiled 2");

            app.edit(GREETING, "return \"Broken\" +;", "return \"Fixed\";");
            Http.awaitBody(port, "/hello", "Fixed", SERVED);

            Path extra = app.source(EXTRA);
            Files.writeString(extra, "package dev.respawn.examples.hello;\n\nfinal class Extra {\n"
                    + "    static final class Inner {\n    }\n}\n");
            Path classes = app.classes().resolve("dev/respawn/examples/hello");
            await().atMost(SERVED).until(() -> Files.exists(classes.resolve("Extra.class"))
                    && Files.exists(classes.resolve("Extra$Inner.class")));
            Files.delete(extra);
            await().atMost(SERVED).until(() -> !Files.exists(classes.resolve("Extra.class"))
                    && !Files.exists(classes.resolve("Extra$Inner.class")));
            assertThat(classes.resolve("Greeting.class")).exists();
            Http.awaitBody(port, "/hello", "Fixed", SERVED);
            assertThat(respawn.stderr()).doesNotContain("respawn reloads when its class files change");
        }
    }

    @Test
    void aWorkerStartedByAScriptCompilesAgainstItsOwnClassPath() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        // As ./gradlew run would: the agent reaches the JVM through JAVA_TOOL_OPTIONS, and reports its class path.
        String script = "exec '" + TestEnvironment.java() + "' -cp target/classes " + MAIN + " " + port;
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--compile-on-save", "--",
                "sh", "-c", script))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            respawn.awaitStderr("compiling saved sources of src/main/java into target/classes", SERVED);

            app.edit(GREETING, "return \"Hello from respawn\";", "return \"From a script\";");
            Http.awaitBody(port, "/hello", "From a script", SERVED);
            respawn.awaitStderr("Greeting.class changed; hot-swapped in", SERVED);
        }
    }
}
