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
                ServerSocket control = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            UnrecordedPorts watch = new UnrecordedPorts(recorder, () -> Set.of(control.getLocalPort()), said::add);
            try (Socket a = new Socket(InetAddress.getLoopbackAddress(), unknown.getLocalPort());
                    Socket b = new Socket(InetAddress.getLoopbackAddress(), recorded.getLocalPort());
                    Socket c = new Socket(InetAddress.getLoopbackAddress(), control.getLocalPort());
                    Socket accepted = unknown.accept()) {
                recorder.begin(recorded.getLocalPort());

                watch.poll();
                assertThat(said).as("one sight of a connection is not enough").isEmpty();
                watch.poll();
                watch.poll();

                assertThat(said).hasSize(1);
                assertThat(said.get(0)).startsWith("clients connect to port " + unknown.getLocalPort() + " but the recorder"
                        + " sees no request there");
            }
        }
    }

    @Test
    void aPortOpenedAfterEveryPortWasRecordedIsStillNamed() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        UnrecordedPorts watch = new UnrecordedPorts(recorder, Set::of, said::add);
        try (ServerSocket recorded = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                Socket b = new Socket(InetAddress.getLoopbackAddress(), recorded.getLocalPort())) {
            recorder.begin(recorded.getLocalPort());
            watch.poll(); // every port of ours recorded: the watcher looks less often from here

            try (ServerSocket later = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                    Socket a = new Socket(InetAddress.getLoopbackAddress(), later.getLocalPort());
                    Socket accepted = later.accept()) {
                for (int i = 0; i < 3 * UnrecordedPorts.SETTLED_EVERY && said.isEmpty(); i++) {
                    watch.poll();
                }
                assertThat(said).hasSize(1);
                assertThat(said.get(0)).startsWith("clients connect to port " + later.getLocalPort() + " ");
            }
        }
    }

    /**
     * After a process restart the old worker's connections to the port linger (TIME_WAIT, a
     * client's CLOSE_WAIT): they were there before this life began, and are none of its clients.
     */
    @Test
    void connectionsFromBeforeTheApplicationBeganAreNotItsClients() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        try (ServerSocket old = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int port = old.getLocalPort();
            Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
            Socket served = old.accept();
            served.close(); // the old worker's side ends first: TIME_WAIT on the port, as a killed worker leaves it
            old.close();
            try (ServerSocket fresh = new ServerSocket()) {
                fresh.setReuseAddress(true);
                fresh.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5);
                UnrecordedPorts watch = new UnrecordedPorts(recorder, Set::of, said::add);
                watch.poll();
                watch.poll();
                watch.poll();
                assertThat(said).as("the old life's connection").isEmpty();

                try (Socket later = new Socket(InetAddress.getLoopbackAddress(), port); Socket accepted = fresh.accept()) {
                    watch.poll();
                    watch.poll();
                    assertThat(said).hasSize(1);
                    assertThat(said.get(0)).startsWith("clients connect to port " + port + " ");
                }
            } finally {
                client.close();
            }
        }
    }

    /**
     * Tomcat under Spring Boot listens from its init and accepts only once the application has
     * started: the requests waiting in its queue meanwhile are served, and recorded, then.
     */
    @Test
    void connectionsAServerHasNotAcceptedYetAreNotNamed() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        try (ServerSocket starting = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            UnrecordedPorts watch = new UnrecordedPorts(recorder, Set::of, said::add);
            try (Socket queued = new Socket(InetAddress.getLoopbackAddress(), starting.getLocalPort())) {
                watch.poll();
                watch.poll();
                watch.poll();
                assertThat(said).as("a connection in the accept queue").isEmpty();

                try (Socket accepted = starting.accept()) {
                    watch.poll();
                    watch.poll();
                    assertThat(said).as("once accepted, with no request recorded").hasSize(1);
                }
            }
        }
    }
}
