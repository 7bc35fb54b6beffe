package dev.respawn.reloader.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlChannelTest {

    @TempDir
    Path temp;

    private final List<String> said = new ArrayList<>();
    private ControlServer server;

    private Path directory() {
        return ControlFile.directory(temp.resolve(".respawn"));
    }

    private ControlServer started() {
        server = new ControlServer(directory(), said::add);
        server.register("echo", argument -> "heard '" + argument + "'");
        server.register("fail", argument -> {
            throw new IllegalStateException("cannot do that\nsecond line");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(server.file()));
        return server;
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersACommandWithItsArgument() throws Exception {
        started();
        assertThat(new ControlClient(directory()).send("echo two words")).isEqualTo("heard 'two words'");
        assertThat(said).isEmpty();
    }

    @Test
    void anErrorIsOneLineForTheUser() {
        started();
        assertThatThrownBy(() -> new ControlClient(directory()).send("fail"))
                .isInstanceOf(ControlException.class).hasMessage("cannot do that | second line");
    }

    @Test
    void anUnknownCommandNamesTheOnesThereAre() {
        started();
        assertThatThrownBy(() -> new ControlClient(directory()).send("profile"))
                .hasMessage("this worker has no command 'profile' (it has: echo, fail)");
    }

    @Test
    void theControlFileAndItsFolderAreOwnerOnly() throws Exception {
        started();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.file()))).isEqualTo("rw-------");
        ControlFile file = ControlFile.read(server.file());
        assertThat(file.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(file.token()).hasSize(48);
    }

    @Test
    void aRequestWithoutTheSecretRunsNothing() throws Exception {
        List<String> ran = new ArrayList<>();
        started().register("record", argument -> {
            ran.add(argument);
            return "ran";
        });
        ControlFile file = ControlFile.read(server.file());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), file.port())) {
            socket.getOutputStream().write("guessed record x\n".getBytes(StandardCharsets.UTF_8));
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(answer).startsWith("error ").contains("secret");
        }
        assertThat(ran).isEmpty();
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        started();
        ControlFile file = ControlFile.read(server.file());
        java.util.Optional<InetAddress> external = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "no address besides loopback here");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress(external.get(), file.port()), 2000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void closingRemovesTheControlFile() {
        started().close();
        assertThat(server.file()).doesNotExist();
    }

    @Test
    void saysClearlyWhenNoWorkerRuns() throws Exception {
        assertThatThrownBy(() -> new ControlClient(directory()).send("echo"))
                .isInstanceOf(ControlException.class).hasMessage("no running worker found under " + directory());
        // A file left by a worker that was killed counts for nothing, and is tidied away.
        Files.createDirectories(directory());
        long dead = deadPid();
        Path stale = directory().resolve(dead + ".json");
        new ControlFile(dead, 1, "x").write(directory());
        assertThat(stale).exists();
        assertThatThrownBy(() -> new ControlClient(directory()).send("echo"))
                .hasMessageStartingWith("no running worker found");
        assertThat(stale).doesNotExist();
    }

    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
