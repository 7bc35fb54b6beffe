package dev.respawn.recorder.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import dev.respawn.reloader.ports.ListeningPorts;

/** Real sockets of this JVM, seen through /proc as the watcher sees them. */
class UnrecordedPortsTest {

    private final List<String> said = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder(100, new Redactor(List.of(), false), exchange -> { }, Clock.systemUTC(), 1);

    @Test
    void namesOnceAPortClientsUseWithoutARecordedRequest() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        try (ServerSocket unknown = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                ServerSocket recorded = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                ServerSocket control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket a = new Socket(InetAddress.getLoopbackAddress(), unknown.getLocalPort());
                Socket b = new Socket(InetAddress.getLoopbackAddress(), recorded.getLocalPort());
                Socket c = new Socket(InetAddress.getLoopbackAddress(), control.getLocalPort())) {
            recorder.begin(recorded.getLocalPort());
            UnrecordedPorts watch = new UnrecordedPorts(recorder, () -> Set.of(control.getLocalPort()), said::add);

            watch.poll();
            assertThat(said).as("one sight of a connection is not enough").isEmpty();
            watch.poll();
            watch.poll();

            assertThat(said).hasSize(1);
            assertThat(said.get(0)).startsWith("clients connect to port " + unknown.getLocalPort() + " but the recorder"
                    + " sees no request there");
        }
    }

    @Test
    void aPortOpenedAfterEveryPortWasRecordedIsStillNamed() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        try (ServerSocket recorded = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket b = new Socket(InetAddress.getLoopbackAddress(), recorded.getLocalPort())) {
            recorder.begin(recorded.getLocalPort());
            UnrecordedPorts watch = new UnrecordedPorts(recorder, Set::of, said::add);
            watch.poll(); // every port of ours recorded: the watcher looks less often from here

            try (ServerSocket later = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                    Socket a = new Socket(InetAddress.getLoopbackAddress(), later.getLocalPort())) {
                for (int i = 0; i < 3 * UnrecordedPorts.SETTLED_EVERY && said.isEmpty(); i++) {
                    watch.poll();
                }
                assertThat(said).hasSize(1);
                assertThat(said.get(0)).startsWith("clients connect to port " + later.getLocalPort() + " ");
            }
        }
    }
}
