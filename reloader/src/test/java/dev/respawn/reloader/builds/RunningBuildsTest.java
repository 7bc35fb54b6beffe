package dev.respawn.reloader.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes with Maven's command line, found (or not) among the machine's. */
class RunningBuildsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path project;

    @Test
    void findsABuildOfTheProjectThatHoldsTheClassFolder() throws Exception {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        Path elsewhere = Files.createDirectories(project.resolveSibling(project.getFileName() + "-other"));
        try (FakeBuild build = FakeBuild.detached(project)) {
            await().atMost(WAIT).until(() -> RunningBuilds.building(List.of(classes), Set.of()).isPresent());
            RunningBuild found = RunningBuilds.building(List.of(classes), Set.of()).orElseThrow();
            assertThat(found.process().pid()).isEqualTo(build.process().pid());
            assertThat(found.tool()).isEqualTo("Maven");
            assertThat(found.project()).isEqualTo(project.toRealPath());
            assertThat(found.describe()).isEqualTo("the Maven build of " + project.toRealPath()
                    + " (pid " + build.process().pid() + ")");

            assertThat(RunningBuilds.building(List.of(elsewhere), Set.of())).as("another project's folder").isEmpty();
            assertThat(RunningBuilds.building(List.of(classes), Set.of(build.process().pid())))
                    .as("a build already waited for").isEmpty();
        } finally {
            Files.delete(elsewhere);
        }
    }

    @Test
    void findsAGradleClientByItsWorkingDirectory() throws Exception {
        // Linux tells a process's working directory (/proc/PID/cwd); elsewhere a Gradle client is not recognised.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isSymbolicLink(Path.of("/proc/self/cwd")));
        Path classes = Files.createDirectories(project.resolve("build/classes/java/main"));
        try (FakeBuild build = FakeBuild.detachedGradle(project)) {
            await().atMost(WAIT).until(() -> RunningBuilds.building(List.of(classes), Set.of()).isPresent());
            RunningBuild found = RunningBuilds.building(List.of(classes), Set.of()).orElseThrow();
            assertThat(found.process().pid()).isEqualTo(build.process().pid());
            assertThat(found.describe()).isEqualTo("the Gradle build of " + project.toRealPath()
                    + " (pid " + build.process().pid() + ")");
        }
    }

    @Test
    void neverThisProcessItsAncestorsOrItsDescendants() throws Exception {
        // Under mvn respawn:run the supervisor is a Maven build of the project; its worker may be one too.
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        try (FakeBuild child = FakeBuild.child(project)) {
            await().atMost(WAIT).until(() -> child.process().info().arguments().isPresent());
            assertThat(RunningBuilds.family()).contains(ProcessHandle.current().pid(),
                    ProcessHandle.current().parent().orElseThrow().pid(), child.process().pid());
            assertThat(RunningBuilds.building(List.of(classes), Set.of())).isEmpty();
        }
    }
}
