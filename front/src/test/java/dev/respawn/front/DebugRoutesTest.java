package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebugRoutesTest {

    @Test
    void onlyLoopbackNamesReachTheDebugPage() {
        assertThat(DebugRoutes.LoopbackHostOnly.loopback("127.0.0.1:8000")).isTrue();
        assertThat(DebugRoutes.LoopbackHostOnly.loopback("localhost:8000")).isTrue();
        assertThat(DebugRoutes.LoopbackHostOnly.loopback("LOCALHOST")).isTrue();
        assertThat(DebugRoutes.LoopbackHostOnly.loopback("[::1]:8000")).isTrue();
        assertThat(DebugRoutes.LoopbackHostOnly.loopback("rebound.example:8000")).isFalse();
        assertThat(DebugRoutes.LoopbackHostOnly.loopback("localhost.rebound.example")).isFalse();
        assertThat(DebugRoutes.LoopbackHostOnly.loopback("127.0.0.1.nip.io")).isFalse();
        assertThat(DebugRoutes.LoopbackHostOnly.loopback(null)).isFalse();
    }
}
