package dev.respawn.reloader.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.respawn.reloader.builds.RunningBuild;

/** A build found, waited for until it ends or for as long as allowed; times are given, not slept. */
class BuildWaitTest {

    private static final List<Path> FOLDERS = List.of(Path.of("/work/app/target/classes"));
    private static final long SECOND = 1_000_000_000L;

    private final List<String> said = new ArrayList<>();
    private final List<Set<Long>> scans = new CopyOnWriteArrayList<>();
    private final List<String> scanThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private Process process;

    private BuildWait waitFor(Optional<RunningBuild> build) {
        return new BuildWait((folders, ignored) -> {
            scans.add(ignored);
            scanThreads.add(Thread.currentThread().getName());
            // As the real scan: only running builds, less those ignored.
            return build.filter(found -> found.process().isAlive() && !ignored.contains(found.process().pid()));
        }, said::add, ended::countDown);
    }

    private RunningBuild build() throws IOException {
        process = new ProcessBuilder("sleep", "60").start();
        return new RunningBuild(process.toHandle(), "Maven", Path.of("/work/app"));
    }

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void noBuildNoWait() {
        BuildWait wait = waitFor(Optional.empty());
        assertThat(wait.holds(FOLDERS, 0, 1)).isFalse();
        assertThat(said).isEmpty();
    }

    @Test
    void holdsWhileTheBuildRunsScanningOnceAndSayingSoOnce() throws Exception {
        RunningBuild build = build();
        BuildWait wait = waitFor(Optional.of(build));
        assertThat(wait.holds(FOLDERS, 0, 1)).isTrue();
        assertThat(wait.holds(FOLDERS, 0, 2 * SECOND)).isTrue();
        assertThat(wait.holds(FOLDERS, 3 * SECOND, 5 * SECOND)).isTrue();
        assertThat(scans).hasSize(1);
        assertThat(said).containsExactly("waiting for " + build.describe() + " to end");

        process.destroy();
        assertThat(ended.await(20, TimeUnit.SECONDS)).as("told when the build ended").isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
        assertThat(wait.holds(FOLDERS, 3 * SECOND, 6 * SECOND)).isFalse();
        assertThat(scans).hasSize(1);
        assertThat(said).hasSize(1);
    }

    @Test
    void theScanBeginsAtTheBurstsFirstChangeOffTheMonitorsThread() throws Exception {
        RunningBuild build = build();
        BuildWait wait = waitFor(Optional.of(build));
        wait.changed(FOLDERS);
        wait.changed(FOLDERS);
        assertThat(wait.holds(FOLDERS, 0, 1)).isTrue();
        assertThat(scans).hasSize(1);
        assertThat(scanThreads).containsExactly("respawn-build-scan");

        // The next burst, once this build is over, looks again.
        process.destroy();
        await().atMost(Duration.ofSeconds(20)).until(() -> !process.isAlive());
        assertThat(wait.holds(FOLDERS, 0, 2)).isFalse();
        wait.settled();
        wait.changed(FOLDERS);
        assertThat(wait.holds(FOLDERS, 3, 4)).isFalse();
        assertThat(scans).hasSize(2);
    }

    @Test
    void aBurstWithNothingToReloadLeavesNoScanForTheNext() throws Exception {
        RunningBuild build = build();
        List<Optional<RunningBuild>> answers = new CopyOnWriteArrayList<>(List.of(Optional.empty(), Optional.of(build)));
        BuildWait wait = new BuildWait((folders, ignored) -> answers.remove(0), said::add, () -> { });
        // Resources copied with the same bytes: the burst reloads nothing, and its scan saw no build.
        wait.changed(FOLDERS);
        await().atMost(Duration.ofSeconds(20)).until(() -> answers.size() == 1);
        wait.settled();
        // The build begins; its first write scans again.
        wait.changed(FOLDERS);
        assertThat(wait.holds(FOLDERS, 0, 1)).isTrue();
    }

    @Test
    void goesAheadAfterThePatienceAndDoesNotWaitForThatBuildAgain() throws Exception {
        RunningBuild build = build();
        BuildWait wait = waitFor(Optional.of(build));
        long start = 100 * SECOND;
        assertThat(wait.holds(FOLDERS, start, start)).isTrue();
        long late = start + BuildWait.PATIENCE.toNanos();
        assertThat(wait.holds(FOLDERS, late - SECOND, late)).isFalse();
        assertThat(said).last().isEqualTo(build.describe() + " still runs after 30 s; reloading anyway");

        assertThat(wait.holds(FOLDERS, late + SECOND, late + 2 * SECOND)).as("the next burst of the same build").isFalse();
        assertThat(scans).last().isEqualTo(Set.of(process.pid()));
    }

    @Test
    void goesAheadWhenTheBuildHasWrittenNothingForAWhile() throws Exception {
        // mvn package: the class files are written, the tests run.
        RunningBuild build = build();
        BuildWait wait = waitFor(Optional.of(build));
        assertThat(wait.holds(FOLDERS, 0, SECOND)).isTrue();
        assertThat(wait.holds(FOLDERS, 0, BuildWait.SILENCE.toNanos())).isFalse();
        assertThat(said).last().asString().contains("has written nothing for 10 s");
    }
}
