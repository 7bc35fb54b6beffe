package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputHandoffsTest {

    @Test
    void aWorkerIsKilledAfterItsHooksOnlyWithoutANativeAgentOfTheUsers() {
        assertThat(OutputHandoffs.mayEndAfterHooks(List.of("java", "-cp", "classes", "Main"), Map.of())).isTrue();
        assertThat(OutputHandoffs.mayEndAfterHooks(List.of("java", "-agentlib:jdwp=transport=dt_socket", "Main"), Map.of()))
                .isTrue();
        assertThat(OutputHandoffs.mayEndAfterHooks(List.of("java", "-agentpath:/x/libasyncProfiler.so=start", "Main"),
                Map.of())).isFalse();
        assertThat(OutputHandoffs.mayEndAfterHooks(List.of("java", "-agentlib:hprof", "Main"), Map.of())).isFalse();
        assertThat(OutputHandoffs.mayEndAfterHooks(List.of("java", "Main"),
                Map.of("JAVA_TOOL_OPTIONS", " -Xmx1g -agentpath:/x/lib.so"))).isFalse();
    }

    /**
     * The previous life's report can call {@code nextServes} while a restart is stopping the worker
     * it has just marked: that worker is kept for the next life's, not dropped (its flame graph and
     * HAR were otherwise left until the supervisor stopped).
     */
    @Test
    void aWorkerStillStoppingWhenTheNextServesIsFinishedWhenTheOneAfterServes(@TempDir Path debug) throws Exception {
        List<Long> finished = new CopyOnWriteArrayList<>();
        SupervisorExtension taker = new SupervisorExtension() {
            @Override
            public boolean finishesOutputs() {
                return true;
            }

            @Override
            public void finishOutputs(long pid) {
                finished.add(pid);
            }
        };
        Process stopping = new ProcessBuilder("sleep", "60").start();
        try {
            OutputHandoffs handoffs = new OutputHandoffs(debug, List.of(taker), List.of("java", "Main"),
                    new Console(System.err));
            handoffs.beforeStop(stopping.pid());
            handoffs.nextServes();
            // Time for the finishing thread to look at it while it is alive: nothing to await.
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertThat(finished).as("not finished while it is alive").isEmpty();

            stopping.destroyForcibly().waitFor();
            handoffs.nextServes();
            await().atMost(Duration.ofSeconds(10)).until(() -> finished.contains(stopping.pid()));
        } finally {
            stopping.destroyForcibly();
        }
    }
}
