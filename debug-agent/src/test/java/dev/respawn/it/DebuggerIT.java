package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.jdi.VirtualMachine;

/** {@code --enable-debugger}: JDWP on one loopback port, the same after every restart. */
class DebuggerIT {

    private static final String MAIN = "dev.respawn.examples.hello.HelloServer";
    private static final String GREETING = "dev/respawn/examples/hello/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(60);
    private static final byte[] HANDSHAKE = "JDWP-Handshake".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    java.nio.file.Path temp;

    private RespawnProcess supervise(ExampleWorkspace app, int port, String... options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--", TestEnvironment.java(), "-cp", "target/classes", MAIN, Integer.toString(port)));
        return RespawnProcess.supervisor(app.root(), arguments);
    }

    /** A JDWP agent echoes the 14 bytes of its handshake; anything else is not a debugger port. */
    private static String handshake(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(HANDSHAKE);
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(HANDSHAKE.length);
            return new String(answer, StandardCharsets.US_ASCII);
        }
    }

    private static boolean answers(int port) {
        return Http.bodyOrNull(port, "/pid") != null;
    }

    @Test
    void answersTheHandshakeOnLoopbackAndOnTheSamePortAfterARestart() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        int debugger = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--reload-on-changes", "--reload-mode", "restart", "--enable-debugger",
                "--debugger-port", Integer.toString(debugger))) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            long first = Long.parseLong(Http.bodyOrNull(port, "/pid"));
            assertThat(handshake(InetAddress.getLoopbackAddress(), debugger)).isEqualTo("JDWP-Handshake");
            respawn.awaitStderr("jdb -attach 127\\.0\\.0\\.1:" + debugger, SERVED);
            // A first worker is up once the application listens, not once JDWP does.
            respawn.awaitStderr("up in \\d+ ms \\(listening on \\[[^]]*\\b" + port + "\\b", SERVED);
            Optional<InetAddress> outside = TestEnvironment.nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThat(connects(outside.get(), debugger)).as("JDWP listens on loopback only").isFalse();
            }

            app.edit(GREETING, "Hello from respawn", "Debug me again");
            app.compile();

            Http.awaitBody(port, "/hello", "Debug me again", SERVED);
            assertThat(Long.parseLong(Http.bodyOrNull(port, "/pid"))).isNotEqualTo(first);
            assertThat(handshake(InetAddress.getLoopbackAddress(), debugger)).isEqualTo("JDWP-Handshake");
            respawn.awaitStderr("changed; restarted in \\d+ ms \\(listening on \\[[^]]*\\b" + port + "\\b", SERVED);
            assertThat(respawn.stderr()).doesNotContain("still in use");
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void suspendKeepsTheWorkerWaitingUntilADebuggerAttaches() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        int debugger = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--enable-debugger", "--debugger-suspend",
                "--debugger-port", Integer.toString(debugger))) {
            respawn.awaitStderr("waits for a debugger on 127\\.0\\.0\\.1:" + debugger, SERVED);
            await().atMost(SERVED).until(() -> respawn.stdout().contains("Listening for transport dt_socket at address: "
                    + debugger));
            // main has not run: for as long as nobody attaches, the application does not listen.
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> !answers(port));

            VirtualMachine vm = Jdi.attach(debugger);
            try {
                // JDWP suspends the VM again as it sends its start event to the new debugger: resuming
                // before that event arrived would leave it suspended.
                com.sun.jdi.event.EventSet started = vm.eventQueue().remove(SERVED.toMillis());
                assertThat(started).as("the VM's start event").isNotNull();
                assertThat(started).hasAtLeastOneElementOfType(com.sun.jdi.event.VMStartEvent.class);
                vm.resume();
                Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            } finally {
                vm.dispose();
            }
        }
    }


    @Test
    void aPortHeldByAnotherProcessIsAOneLineErrorNotAHang() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                RespawnProcess respawn = supervise(app, port, "--reload-on-changes", "--reload-mode", "restart", "--enable-debugger",
                        "--debugger-port", Integer.toString(taken.getLocalPort()))) {
            assertThat(respawn.awaitExit(SERVED)).as("a bad option value: exit code 2").isEqualTo(2);
            List<String> lines = respawn.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).containsExactly("respawn: --debugger-port " + taken.getLocalPort()
                    + " is in use by another process; choose another with --debugger-port");
            assertThat(answers(port)).as("no worker started").isFalse();
        }
    }
}
