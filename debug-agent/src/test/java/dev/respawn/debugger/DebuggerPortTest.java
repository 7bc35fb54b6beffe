package dev.respawn.debugger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import dev.respawn.reloader.options.OptionsException;
import org.junit.jupiter.api.Test;

class DebuggerPortTest {

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    private DebuggerPort debugger(int port, boolean suspend) {
        return new DebuggerPort(port, suspend, new PrintStream(terminal, true, StandardCharsets.UTF_8));
    }

    @Test
    void listensOnLoopbackOnlyAndSuspendsOnlyWhenAsked() {
        assertThat(debugger(5005, false).jvmArguments())
                .containsExactly("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:5005");
        assertThat(debugger(5006, true).jvmArguments())
                .containsExactly("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:5006");
    }

    @Test
    void aPortHeldByAnotherProcessIsOneLineNamingTheOption() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DebuggerPort debugger = debugger(taken.getLocalPort(), false);
            assertThatThrownBy(debugger::checkAvailable).isInstanceOf(OptionsException.class)
                    .hasMessage("--debugger-port " + taken.getLocalPort()
                    + " is in use by another process; choose another with --debugger-port");
        }
    }

    @Test
    void saysWhereToAttachOnceAndEachSuspendedWorkerWaits() {
        DebuggerPort debugger = debugger(5005, true);
        debugger.started(11);
        debugger.started(12);
        String said = terminal.toString(StandardCharsets.UTF_8);
        assertThat(said).containsOnlyOnce("jdb -attach 127.0.0.1:5005")
                .contains("worker pid 11 waits for a debugger", "worker pid 12 waits for a debugger");
    }

    @Test
    void aFreedPortIsSeenAsFree() throws Exception {
        int number;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            number = taken.getLocalPort();
            assertThat(new LoopbackPort(number).isFree()).isFalse();
        }
        assertThat(new LoopbackPort(number).awaitFree(java.time.Duration.ofSeconds(5))).isTrue();
    }
}
