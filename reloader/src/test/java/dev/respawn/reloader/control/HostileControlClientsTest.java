package dev.respawn.reloader.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.loopback.HostileClients;

/** Any local user can reach the worker's control channel; none can take it down for respawn's own clients. */
class HostileControlClientsTest {

    @TempDir
    Path temp;

    private ControlServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHugeLineIdleConnectionsAndGarbageLeaveTheChannelAnswering() throws Exception {
        Path directory = ControlFile.directory(temp);
        server = new ControlServer(directory, line -> { });
        server.register("echo", argument -> "heard '" + argument + "'");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(server.file()));
        int port = ControlFile.read(server.file()).port();
        ControlClient client = new ControlClient(directory);

        long sent = HostileClients.endlessLine(port, 100L << 20);
        assertThat(sent).as("disconnected long before 100 MB").isLessThan(8L << 20);
        assertThat(client.send("echo after a huge line")).isEqualTo("heard 'after a huge line'");

        List<Socket> idle = HostileClients.idle(port, 300);
        try {
            // Past the cap the longest-waiting were closed: a thread for each of a few strangers at most.
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> HostileClients.threads("respawn-control-client") <= ControlServer.MAX_CONNECTIONS);
            // With the strangers' connections still open, respawn's client gets through.
            assertThat(client.send("echo among idle ones")).isEqualTo("heard 'among idle ones'");
        } finally {
            HostileClients.closeAll(idle);
        }

        HostileClients.garbage(port);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> client.send("echo at the end").equals("heard 'at the end'"));
    }
}
