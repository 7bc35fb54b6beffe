package dev.respawn.agent.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final RateLimit limit = new RateLimit(5, Duration.ofMinutes(1), clock);

    @Test
    void writesABurstThenCountsAndReportsTheCountWithTheNextWritten() {
        for (int i = 0; i < 5; i++) {
            assertThat(limit.acquire("site")).isEqualTo(new RateLimit.Decision(true, 0, false));
        }
        assertThat(limit.wouldAllow("site")).isFalse();
        assertThat(limit.acquire("site")).isEqualTo(new RateLimit.Decision(false, 1, true));
        assertThat(limit.acquire("site")).isEqualTo(new RateLimit.Decision(false, 2, false));
        assertThat(limit.acquire("other").write()).as("sites are apart").isTrue();

        clock.now = clock.now.plusSeconds(11);
        assertThat(limit.acquire("site").write()).isFalse();
        clock.now = clock.now.plusSeconds(1);
        assertThat(limit.wouldAllow("site")).isTrue();
        assertThat(limit.acquire("site")).isEqualTo(new RateLimit.Decision(true, 3, false));
        assertThat(limit.acquire("site").write()).isFalse();
    }

    @Test
    void refillsToTheBurstAndNoMore() {
        for (int i = 0; i < 5; i++) {
            limit.acquire("site");
        }
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertThat(limit.acquire("site").write()).isTrue();
        }
        assertThat(limit.acquire("site").write()).isFalse();
    }
}
