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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.respawn.reloader.control.ControlClient;
import dev.respawn.reloader.control.ControlFile;

/**
 * The default reload mode restarts the application inside its worker JVM, in a new class loader,
 * on a change hot swap cannot apply; an application that does not stop cleanly gets a process
 * restart, said once; dropped loaders do not stay in memory.
 */
class InJvmRestartIT {

    private static final String TOMCAT = "dev.respawn.examples.jakarta.JakartaServer";
    private static final String TOMCAT_SOURCE = "dev/respawn/examples/jakarta/JakartaServer.java";
    private static final String JAVAX = "dev.respawn.examples.javax.JavaxServer";
    private static final String JAVAX_SOURCE = "dev/respawn/examples/javax/JavaxServer.java";
    private static final String HELLO = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(30);
    private static final Pattern STATUS = Pattern.compile(
            "life (\\d+), (\\d+) in-JVM restarts?, (\\d+) dropped class loaders? still in memory after a full GC.*, heap used (\\d+) MiB");

    @TempDir
    Path temp;

    @Test
    void aNewFieldInATomcatApplicationRestartsItInsideTheJvmAndItsJdbcDriverSurvives() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("tomcat-jakarta", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = tomcat(app, port)) {
            Http.awaitBody(port, "/hello", "Hello from Jakarta", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            assertThat(Http.bodyOrNull(port, "/db")).isEqualTo("the database says 42");

            app.edit(TOMCAT_SOURCE, "    static final class Hello extends HttpServlet {",
                    "    static final class Hello extends HttpServlet {\n        private final String greeting = \"Restarted in place\";");
            app.edit(TOMCAT_SOURCE, "text(response, \"Hello from Jakarta\");", "text(response, greeting);");
            app.compile();

            Http.awaitBody(port, "/hello", "Restarted in place", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            respawn.awaitStderr("changed \\(JakartaServer\\$Hello.class: a field was added \\(greeting\\)\\); "
                    + "restarted inside the JVM in \\d+ ms \\(listening on \\[" + port + "\\]\\)", SERVED);
            // The application deregisters its JDBC drivers as it stops, as web applications are told to.
            assertThat(Http.bodyOrNull(port, "/db")).as("the driver in the jar, registered again")
                    .isEqualTo("the database says 42");
        }
    }

    @Test
    void embeddedTomcatAsItsGuideWritesItRestartsInsideTheJvm() throws Exception {
        // No shutdown hook: main waits in getServer().await(), which an interrupt does not end.
        ExampleWorkspace app = ExampleWorkspace.copyOf("tomcat-javax", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--",
                TestEnvironment.java(), "-cp", app.classpath(), JAVAX, Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from javax", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            String hello = "    static final class Hello extends HttpServlet {";
            app.edit(JAVAX_SOURCE, hello, hello + "\n        private final String greeting = \"Restarted in place\";");
            app.edit(JAVAX_SOURCE, "text(response, \"Hello from javax\");", "text(response, greeting);");
            app.compile();
            Http.awaitBody(port, "/hello", "Restarted in place", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);

            // The second life is stopped as the first was.
            app.edit(JAVAX_SOURCE, hello, hello + "\n        private final int times = 2;");
            app.edit(JAVAX_SOURCE, "text(response, greeting);", "text(response, greeting + \" \" + times);");
            app.compile();
            Http.awaitBody(port, "/hello", "Restarted in place 2", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            await().atMost(SERVED).until(() -> respawn.count(
                    "restarted inside the JVM in \\d+ ms \\(listening on \\[" + port + "\\]\\)") == 2);
            assertThat(respawn.stderr()).doesNotContain("cannot restart inside the JVM");
        }
    }

    /** In both ways main is run: by respawn's restarts inside the JVM, and by the JVM itself. */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "restart"})
    void aStopWhileMainIsStillStartingEndsTheWorkerWithoutItsFailure(String mode) throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        String server = "dev/respawn/examples/hello/HelloServer.java";
        // A library's hook that takes a while, and a main still at work once its port listens: a
        // stop then makes main's own addShutdownHook fail with "Shutdown in progress".
        app.edit(server, "server.start();", "server.start();\n        Runtime.getRuntime().addShutdownHook(new Thread(() -> {"
                + " try { Thread.sleep(4000); } catch (InterruptedException e) { } }));");
        app.edit(server, "Housekeeping.startIfAsked();", "Housekeeping.startIfAsked();\n        System.out.println(\"still starting\");"
                + "\n        try { Thread.sleep(2000); } catch (InterruptedException e) { throw new IllegalStateException(e); }");
        app.compile();
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--reload-mode", mode, "--", TestEnvironment.java(), "-cp", app.classpath(), HELLO,
                Integer.toString(port)))) {
            await().atMost(SERVED).until(() -> respawn.stdout().contains("still starting"));
            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stdout() + respawn.stderr()).as("main failed of the stop, not of itself")
                    .doesNotContain("Shutdown in progress").doesNotContain("Exception in thread");
        }
    }

    @Test
    void fiftyRestartsLeaveNoDroppedClassLoaderInMemory() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("tomcat-jakarta", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = tomcat(app, port)) {
            Http.awaitBody(port, "/hello", "Hello from Jakarta", SERVED);
            ControlClient control = new ControlClient(ControlFile.directory(app.root().resolve(".respawn")));
            long heapAfterTen = 0;
            for (int life = 1; life <= 50; life++) {
                // Each life uses what keeps state in the jars' classes: H2, Tomcat's pools, JULI.
                assertThat(Http.bodyOrNull(port, "/db")).isEqualTo("the database says 42");
                assertThat(Http.bodyOrNull(port, "/hello")).isEqualTo("Hello from Jakarta");
                respawn.writeLine("rs");
                int next = life + 1;
                await().atMost(SERVED).pollInterval(Duration.ofMillis(20))
                        .until(() -> status(control).map(m -> Integer.parseInt(m.group(1)) == next).orElse(false));
                Http.awaitBody(port, "/hello", "Hello from Jakarta", SERVED);
                if (life == 10) {
                    heapAfterTen = heap(status(control).orElseThrow());
                }
            }
            Matcher last = status(control).orElseThrow();
            assertThat(last.group(2)).isEqualTo("50");
            assertThat(last.group(3)).as("dropped loaders a full GC could not collect: " + last.group()).isEqualTo("0");
            assertThat(heap(last)).as("heap after a full GC, after 50 restarts against after 10")
                    .isLessThanOrEqualTo(heapAfterTen + 8);
            assertThat(respawn.count("worker pid \\d+ up in")).as("one worker JVM all along").isEqualTo(1);
        }
    }

    @Test
    void anApplicationThatCannotBeStoppedGetsAProcessRestartSoonSaidOnce() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        // A thread that even an interrupt does not end; the shutdown timeout is not waited for.
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--shutdown-timeout", "60", "--", TestEnvironment.java(), "-Dhello.housekeeping=stubborn",
                "-cp", "target/classes", HELLO, Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String first = Http.bodyOrNull(port, "/pid");

            app.edit(GREETING, "    private Greeting() {", "    private static int greeted;\n\n    private Greeting() {");
            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Greeted \" + (++greeted);");
            app.compile();

            Http.awaitBody(port, "/hello", "Greeted 1", SERVED);
            String second = Http.bodyOrNull(port, "/pid");
            assertThat(second).as("a new worker JVM").isNotEqualTo(first);
            respawn.awaitStderr("cannot restart inside the JVM: thread 'housekeeping' \\(at "
                    + "dev.respawn.examples.hello.Housekeeping.(run|churn)\\) did not end when the application was stopped; "
                    + "restarting the JVM instead", SERVED);
            respawn.awaitStderr("Greeting.class changed \\(.*not inside the JVM: thread 'housekeeping'.*\\); restarted in \\d+ ms",
                    SERVED);

            app.edit(GREETING, "return \"Greeted \" + (++greeted);", "return \"Greeted again \" + (++greeted);");
            app.edit(GREETING, "    private Greeting() {", "    private static int more;\n\n    private Greeting() {");
            app.compile();

            Http.awaitBody(port, "/hello", "Greeted again 1", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("a process restart again").isNotIn(first, second);
            assertThat(respawn.count("cannot restart inside the JVM")).as("said once").isEqualTo(1);
        }
    }

    @Test
    void restartsInsideAJava25Worker() throws Exception {
        Optional<String> java25 = TestEnvironment.java25();
        org.junit.jupiter.api.Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 here");
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--",
                java25.get(), "-cp", "target/classes", HELLO, Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            assertThat(Http.bodyOrNull(port, "/count")).isEqualTo("1");

            app.edit(GREETING, "    private Greeting() {", "    private static int greeted;\n\n    private Greeting() {");
            app.edit(GREETING, "return \"Hello from respawn\";", "return \"Java 25, greeted \" + (++greeted);");
            app.compile();

            Http.awaitBody(port, "/hello", "Java 25, greeted 1", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            assertThat(Http.bodyOrNull(port, "/count")).as("a new life: state starts over").isEqualTo("1");
            respawn.awaitStderr("restarted inside the JVM in \\d+ ms", SERVED);
            assertThat(respawn.stderr()).doesNotContain("cannot restart inside the JVM").doesNotContain("WARNING");
        }
    }

    private static RespawnProcess tomcat(ExampleWorkspace app, int port) throws Exception {
        return RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--", TestEnvironment.java(),
                "-cp", app.classpath(), TOMCAT, Integer.toString(port)));
    }

    private static Optional<Matcher> status(ControlClient control) {
        try {
            Matcher matcher = STATUS.matcher(control.send("status", Duration.ofSeconds(20)));
            return matcher.find() ? Optional.of(matcher) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static long heap(Matcher status) {
        return Long.parseLong(status.group(4));
    }
}
