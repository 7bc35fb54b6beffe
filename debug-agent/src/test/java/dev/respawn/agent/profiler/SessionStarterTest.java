package dev.respawn.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.options.Options;
import jdk.jfr.consumer.RecordingFile;

class SessionStarterTest {

    @TempDir
    Path directory;

    @AfterEach
    void useTheDefaultEngineAgain() {
        System.clearProperty(ProfilerAddon.ENGINE_PROPERTY);
    }

    @Test
    void sessionsStartedInOneSecondWriteFilesOfTheirOwnAndStopWhileTheJvmRunsOn() throws Exception {
        System.setProperty(ProfilerAddon.ENGINE_PROPERTY, "jfr");
        SessionStarter starter = new SessionStarter(Options.defaults(), directory, directory.resolve("native"));

        ProfileSession life = starter.start();
        ProfileSession window = starter.start();
        ProfileSession.Written lifeWritten = ProfileSession.Written.drawn(life.stop(), life.event());
        ProfileSession.Written windowWritten = ProfileSession.Written.drawn(window.stop(), window.event());

        assertThat(windowWritten.jfr()).isNotEqualTo(lifeWritten.jfr());
        assertThat(windowWritten.jfr().getFileName().toString()).matches("\\d{8}-\\d{6}-\\d+(-\\d+)?\\.jfr");
        for (ProfileSession.Written written : new ProfileSession.Written[] {lifeWritten, windowWritten}) {
            assertThat(RecordingFile.readAllEvents(written.jfr())).isNotEmpty();
            assertThat(written.html()).isPresent();
        }
    }
}
