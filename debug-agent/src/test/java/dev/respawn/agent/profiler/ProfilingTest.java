package dev.respawn.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.context.LifeOutputs;
import dev.respawn.reloader.options.Options;
import jdk.jfr.consumer.RecordingFile;

/** Lives and windows with the JDK's Flight Recorder as the engine (async-profiler is the ITs'). */
class ProfilingTest {

    @TempDir
    Path directory;

    private Profiling profiling;

    @BeforeEach
    void profileWithTheFlightRecorder() throws IOException {
        System.setProperty(ProfilerAddon.ENGINE_PROPERTY, "jfr");
        profiling = new Profiling(new SessionStarter(Options.defaults(), directory, directory.resolve("native")),
                new LifeOutputs());
        profiling.startLife();
    }

    @AfterEach
    void useTheDefaultEngineAgain() {
        System.clearProperty(ProfilerAddon.ENGINE_PROPERTY);
    }

    @Test
    void aRestartInsideTheJvmWritesTheLifeThatEndedAndProfilesTheNext() throws Exception {
        profiling.nextLife();

        // A flame graph is drawn once its recording is complete (the running one's file exists too).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(files(".html")).hasSize(1));
        Path first = sibling(files(".html").get(0));
        assertThat(RecordingFile.readAllEvents(first)).isNotEmpty();

        profiling.nextLife();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(files(".html")).hasSize(2));
        assertThat(files(".html")).extracting(ProfilingTest::sibling).doesNotHaveDuplicates().allSatisfy(jfr ->
                assertThat(Files.size(jfr)).isPositive());
    }

    @Test
    void aWindowCutShortByARestartSaysSoAndIsWrittenWithTheLife() throws Exception {
        CompletableFuture<String> window = CompletableFuture.supplyAsync(() -> {
            try {
                return profiling.window(Duration.ofSeconds(3));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // The window has begun once the life so far is written.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(files(".html")).hasSize(1));
        profiling.nextLife();

        assertThat(window).failsWithin(Duration.ofSeconds(20)).withThrowableOfType(ExecutionException.class)
                .withMessageContaining("restarted during the window");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(files(".html")).hasSize(2));
    }

    private static Path sibling(Path html) {
        return html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html$", ".jfr"));
    }

    private List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
