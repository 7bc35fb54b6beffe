package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class StartedTimeTest {

    @Test
    void formatsAsTheWholeFormatterDoesAcrossSeconds() {
        Instant start = Instant.parse("2026-12-31T23:59:58.990Z");
        for (int step = 0; step < 3000; step += 7) {
            Instant instant = start.plusMillis(step).plusNanos(step * 1_111L % 1_000_000);
            assertThat(StartedTime.format(instant)).isEqualTo(StartedTime.FORMAT.format(instant));
        }
    }

    @Test
    void readsBackToTheMillisecond() {
        Instant instant = Instant.parse("2026-01-02T03:04:05.006789Z");
        assertThat(StartedTime.format(instant)).isEqualTo("2026-01-02T03:04:05.006Z");
        assertThat(StartedTime.parse(StartedTime.format(instant))).isEqualTo(Instant.parse("2026-01-02T03:04:05.006Z"));
    }
}
