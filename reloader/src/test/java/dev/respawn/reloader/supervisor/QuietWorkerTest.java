package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class QuietWorkerTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aWorkerBusyAnsweringIsAwaitedUntilItsCpuStopsGrowing() {
        // 50 ms of CPU per 100 ms window for the first three windows (answering), then nothing.
        boolean quiet = QuietWorker.await(() -> true,
                () -> Duration.ofMillis(100 + 50L * Math.min(reads.getAndIncrement(), 3)), Duration.ofSeconds(30));

        assertThat(quiet).isTrue();
        assertThat(reads).hasValue(5);
    }

    @Test
    void aWorkerThatStaysBusyIsAwaitedNoLongerThanThePatience() {
        long began = System.nanoTime();
        boolean quiet = QuietWorker.await(() -> true, () -> Duration.ofMillis(100L + 50L * reads.getAndIncrement()),
                Duration.ofMillis(500));

        assertThat(quiet).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anEndedWorkerOrOneWithoutSchedstatIsNotAwaited() {
        assertThat(QuietWorker.await(() -> false, () -> Duration.ofMillis(100L * reads.incrementAndGet()),
                Duration.ofSeconds(30))).isFalse();
        assertThat(QuietWorker.await(() -> true, () -> Duration.ZERO, Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aRealIdleProcessIsQuiet() throws Exception {
        Process idle = new ProcessBuilder("sleep", "30").start();
        try {
            // Its CPU is read from /proc; an idle process is quiet within the first window or two.
            assertThat(QuietWorker.await(idle::isAlive, () -> ProcessCpu.of(idle.pid()), Duration.ofSeconds(20)))
                    .isTrue();
        } finally {
            idle.destroyForcibly();
        }
    }
}
