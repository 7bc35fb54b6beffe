package dev.respawn.maven.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code mvn compile} in another terminal while {@code mvn respawn:run} serves the same project, both
 * real Maven runs: the build writes a resource that differs on every build (as Spring Boot's
 * build-info does) at process-resources, and class files once javac is done, further apart than the
 * quiet period. The application restarts once, when the build is over.
 */
class BuildBesideRunIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration BUILD = Duration.ofSeconds(120);
    private static final Duration RELOAD = Duration.ofSeconds(30);
    private static final Pattern LIFE = Pattern.compile("respawn: life (\\d+),");

    @Test
    void aBuildInAnotherTerminalRestartsTheApplicationOnce() throws Exception {
        Path workspace = MavenRun.workspace("beside");
        Files.writeString(workspace.resolve("src/main/resources/stamp.properties"), "built=${build.stamp}\n");
        int port = MavenRun.freePort();
        // Every reload a restart inside the JVM, so the application's lives count them all.
        try (MavenRun run = MavenRun.start(workspace, "respawn:run", "-Drespawn.arguments=" + port,
                "-Drespawn.compileOnSave=false", "-Drespawn.reloadMode=in-jvm")) {
            run.awaitOutput("maven-app listening on", START);
            String pid = MavenRun.get(port, "/pid");
            assertThat(life(workspace)).isEqualTo(1);

            Path greeting = workspace.resolve("src/main/java/com/example/app/Greeting.java");
            Files.writeString(greeting, Files.readString(greeting).replace("Hello from maven-app", "Hello, built"));
            try (MavenRun build = MavenRun.start(workspace, "compile", "-Dbuild.stamp=" + System.nanoTime())) {
                assertThat(build.awaitExit(BUILD)).as(build.output()).isZero();
            }
            await().atMost(RELOAD).until(() -> "Hello, built".equals(MavenRun.get(port, "/hello")));
            assertThat(workspace.resolve("target/classes/stamp.properties")).content().doesNotContain("${");

            // One restart, and no second one coming after it.
            await().during(Duration.ofSeconds(4)).atMost(RELOAD).pollInterval(Duration.ofSeconds(1))
                    .until(() -> life(workspace) == 2);
            assertThat(MavenRun.get(port, "/pid")).as("the same worker JVM").isEqualTo(pid);
            assertThat(run.output()).contains("respawn: waiting for the Maven build of " + workspace.toRealPath());
        }
    }

    /** The application's life in the worker JVM, as {@code respawn status} says it; 0 when it cannot tell. */
    private static int life(Path workspace) throws IOException, InterruptedException {
        Process status = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("respawn.jar"), "status",
                "--debug-directory", workspace.resolve("target/respawn").toString())
                .redirectErrorStream(true).start();
        String output = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!status.waitFor(60, TimeUnit.SECONDS)) {
            status.destroyForcibly();
            return 0;
        }
        Matcher life = LIFE.matcher(output);
        return life.find() ? Integer.parseInt(life.group(1)) : 0;
    }

}
