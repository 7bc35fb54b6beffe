package dev.respawn.maven.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One {@code mvn respawn:run} of examples/maven-app, edited while it runs as a developer would: each
 * test takes the application where the one before left it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunGoalIT {

    private static final Duration START = Duration.ofSeconds(90);
    /** Ends a wait for a save to be served (a compile inside Maven, then a restart): it times nothing. */
    private static final Duration RELOAD = Duration.ofSeconds(30);

    private Path workspace;
    private Path greeting;
    private int port;
    private MavenRun mvn;

    @BeforeAll
    void start() throws IOException {
        workspace = MavenRun.workspace("run");
        greeting = workspace.resolve("src/main/java/com/example/app/Greeting.java");
        port = MavenRun.freePort();
        // From another directory, as mvn -f does: the worker still runs in the project's.
        mvn = MavenRun.startIn(workspace.getParent(), "-f", workspace.resolve("pom.xml").toString(), "respawn:run", "-Drespawn.arguments=" + port + " extra 'two words'",
                "-Drespawn.jvmArguments=-Dapp.mode=dev", "-Drespawn.enableCoverage=true");
        mvn.awaitOutput("maven-app listening on", START);
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (mvn != null) {
            mvn.close();
        }
    }

    @Test
    @Order(1)
    void runsTheOnlyMainClassInTheProjectDirectoryWithTheArgumentsAndJvmArguments() {
        assertThat(MavenRun.get(port, "/cwd")).isEqualTo(workspace.toString());
        assertThat(mvn.output()).contains("respawn: running com.example.app.App from target/classes");
        assertThat(MavenRun.get(port, "/args")).isEqualTo(port + " extra two words");
        assertThat(MavenRun.get(port, "/mode")).isEqualTo("mode=dev");
        assertThat(MavenRun.get(port, "/hello")).isEqualTo("Hello from maven-app");
    }

    @Test
    @Order(2)
    void servesAnEditedSourceWithoutAManualCompile() throws IOException {
        long saved = System.nanoTime();
        edit("Hello from maven-app", "Hello, edited");
        await().atMost(RELOAD).pollInterval(Duration.ofMillis(10))
                .until(() -> "Hello, edited".equals(MavenRun.get(port, "/hello")));
        System.out.printf("save to served (restart, coverage on): %d ms%n", (System.nanoTime() - saved) / 1_000_000);
        assertThat(mvn.output()).doesNotContain("respawn reloads when its class files change");
    }

    @Test
    @Order(3)
    void aCompileErrorIsPrintedAsFileLineAndTheWorkerKeepsServing() throws IOException {
        String pid = MavenRun.get(port, "/pid");
        edit("return \"Hello, edited\";", "return \"Hello, broken\"");
        mvn.awaitOutput(greeting + ":10: ", RELOAD);
        mvn.awaitOutput("respawn: Greeting.java did not compile; the worker keeps the classes it has", RELOAD);
        assertThat(MavenRun.get(port, "/hello")).isEqualTo("Hello, edited");
        assertThat(MavenRun.get(port, "/pid")).isEqualTo(pid);

        edit("return \"Hello, broken\"", "return \"Hello, fixed\";");
        await().atMost(RELOAD).until(() -> "Hello, fixed".equals(MavenRun.get(port, "/hello")));
    }

    @Test
    @Order(4)
    void copiesAChangedResourceAndRestartsOnlyForThoseNotExcluded() throws IOException {
        Files.writeString(workspace.resolve("src/main/resources/message.txt"), "an edited message\n");
        await().atMost(RELOAD).until(() -> "an edited message".equals(MavenRun.get(port, "/message")));
        assertThat(workspace.resolve("target/classes/message.txt")).hasContent("an edited message");

        // The old worker already reads the new copy; the restart for it comes next.
        mvn.awaitOutput("respawn: message.txt changed; restarted", RELOAD);

        // A static file is copied too, but is one of the excluded paths: no restart for it.
        String pid = MavenRun.get(port, "/pid");
        Files.writeString(workspace.resolve("src/main/resources/static/site.css"), "body { color: red; }\n");
        Path copy = workspace.resolve("target/classes/static/site.css");
        await().atMost(RELOAD).until(() -> Files.readString(copy).contains("red"));
        // A restart would change the pid for good, so a longer bound does not let one pass; 3 s left
        // no room under load for 1.5 s of polls that take up to 5 s each.
        await().during(Duration.ofMillis(1500)).atMost(RELOAD)
                .until(() -> pid.equals(MavenRun.get(port, "/pid")));
    }

    @Test
    @Order(5)
    void aSavedResourceIsFilteredAsTheBuildFiltersIt() throws IOException {
        Path copy = workspace.resolve("target/classes/build.properties");
        assertThat(copy).as("as mvn process-resources left it").hasContent("version=1.0-SNAPSHOT");

        // Listed twice in the pom (filtered, then as is): Maven's filtered copy is the one that stays.
        Files.writeString(workspace.resolve("src/main/resources/build.properties"),
                "version=${project.version}\nname=${project.artifactId}\nencoding=${project.build.sourceEncoding}\n");
        await().atMost(RELOAD).until(() -> Files.readString(copy).contains("name="));
        assertThat(copy).hasContent("version=1.0-SNAPSHOT\nname=maven-app\nencoding=UTF-8");
        mvn.awaitOutput("respawn: build.properties changed; restarted", RELOAD);
    }

    @Test
    @Order(6)
    void aDeletedSourceTakesItsClassesAlong() throws IOException {
        Path extra = workspace.resolve("src/main/java/com/example/app/Extra.java");
        Files.writeString(extra, "package com.example.app;\nfinal class Extra { Runnable r = () -> { }; "
                + "static final class Inner { } }\n");
        Path classes = workspace.resolve("target/classes/com/example/app");
        await().atMost(RELOAD).until(() -> Files.exists(classes.resolve("Extra$Inner.class")));
        Files.delete(extra);
        await().atMost(RELOAD).until(() -> !Files.exists(classes.resolve("Extra.class"))
                && !Files.exists(classes.resolve("Extra$Inner.class")));
        assertThat(classes.resolve("App.class")).exists();
        await().atMost(RELOAD).until(() -> MavenRun.get(port, "/pid") != null);
    }

    @Test
    @Order(7)
    void ctrlCStopsTheWorkerTreeAndFlushesCoverageUnderTargetRespawn() throws Exception {
        // The restarts for Extra's class files may still be under way.
        await().atMost(RELOAD).until(() -> MavenRun.get(port, "/pid") != null);
        String pid = MavenRun.get(port, "/pid");
        assertThat(pid).isNotNull();
        List<ProcessHandle> tree = mvn.process().descendants().toList();
        assertThat(tree).extracting(ProcessHandle::pid).contains(Long.parseLong(pid));

        // What the terminal sends the foreground Maven JVM on Ctrl-C.
        new ProcessBuilder("kill", "-INT", Long.toString(mvn.process().pid())).inheritIO().start().waitFor();
        mvn.awaitExit(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(10)).until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(MavenRun.get(port, "/hello")).isNull();
        Path coverage = workspace.resolve("target/respawn/coverage");
        assertThat(coverage.resolve("respawn.exec")).isNotEmptyFile();
        assertThat(coverage.resolve("html/index.html")).exists();
    }

    private void edit(String from, String to) throws IOException {
        String source = Files.readString(greeting);
        assertThat(source).contains(from);
        Files.writeString(greeting, source.replace(from, to));
    }
}
