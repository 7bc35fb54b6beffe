package dev.respawn.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerfEventsTest {

    @Test
    void cpuSamplesWithPerThreadTimersOnLinuxAndPerfAsksForPerfEvents() {
        assertThat(PerfEvents.asyncProfilerEvent("cpu", "Linux")).isEqualTo("ctimer");
        assertThat(PerfEvents.asyncProfilerEvent("perf", "Linux")).isEqualTo("cpu");
        assertThat(PerfEvents.asyncProfilerEvent("itimer", "Linux")).isEqualTo("itimer");
        assertThat(PerfEvents.asyncProfilerEvent("wall", "Linux")).isEqualTo("wall");
    }

    @Test
    void elsewhereCpuIsLeftToAsyncProfiler() {
        // ctimer is Linux only; on macOS async-profiler's cpu is its itimer.
        assertThat(PerfEvents.asyncProfilerEvent("cpu", "Mac OS X")).isEqualTo("cpu");
    }
}
