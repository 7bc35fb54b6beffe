package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor, from respawn.jar, reloading examples/spring-boot (Spring Boot 3.5, embedded
 * Tomcat): a hot swap, then a restart of the application inside the same worker JVM.
 */
class SpringBootIT {

    private static final String MAIN = "dev.respawn.examples.spring.SpringApp";
    private static final String GREETING = "dev/respawn/examples/spring/Greeting.java";
    private static final String CONTROLLER = "dev/respawn/examples/spring/HelloController.java";
    /** A Spring Boot start takes seconds, and much longer on a 2-core machine busy with the build. */
    private static final Duration SERVED = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    @Test
    void aBodyChangeIsSwappedInPlaceAndANewEndpointRestartsTheApplicationInsideTheJvm() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("spring-boot", temp);
        int port = TestEnvironment.freePort();
        // One worker start for both changes: a Spring Boot start is the slow part of this test.
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--",
                TestEnvironment.java(), "-cp", app.classpath(), MAIN, Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", "Hello from Spring Boot", SERVED);
            String pid = Http.bodyOrNull(port, "/pid");
            assertThat(Http.bodyOrNull(port, "/count")).isEqualTo("1");
            assertThat(Http.bodyOrNull(port, "/env")).isEqualTo("RESPAWN=1");

            app.edit(GREETING, "return \"Hello from Spring Boot\";", "return \"Swapped \" + (1 + 1);");
            app.compile();
            Http.awaitBody(port, "/hello", "Swapped 2", SERVED);
            respawn.awaitStderr("respawn: Greeting.class changed; hot-swapped in \\d+ ms \\(no restart\\)", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker").isEqualTo(pid);
            assertThat(Http.bodyOrNull(port, "/count")).as("the controller's state kept").isEqualTo("2");

            app.edit(CONTROLLER, "    @GetMapping(\"/count\")",
                    "    @GetMapping(\"/bye\")\n    public String bye() {\n        return \"Bye from a new endpoint\\n\";\n    }\n\n"
                            + "    @GetMapping(\"/count\")");
            app.compile();
            Http.awaitBody(port, "/bye", "Bye from a new endpoint", SERVED);
            respawn.awaitStderr("HelloController.class changed \\(HelloController.class: a method was added \\(bye\\)\\); "
                    + "restarted inside the JVM in \\d+ ms", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            assertThat(Http.bodyOrNull(port, "/count")).as("a new application context, a new controller").isEqualTo("1");
            assertThat(respawn.stderr()).doesNotContain("cannot restart inside the JVM");
            assertThat(Http.bodyOrNull(port, "/hello")).as("the swapped code, now compiled in").isEqualTo("Swapped 2");
        }
    }
}
