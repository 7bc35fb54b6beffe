package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
