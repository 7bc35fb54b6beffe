package dev.respawn.reloader.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.respawn.reloader.loopback.HostileClients;
import dev.respawn.reloader.tracking.ClassOrigin;

/** Any local user can reach the supervisor's report channel; none can take it down for the worker's agent. */
class HostileReportClientsTest {

    private final List<Object> heard = new CopyOnWriteArrayList<>();

    private final WorkerReportListener listener = new WorkerReportListener() {
        @Override
        public void connected(long pid) {
            heard.add(pid);
        }

        @Override
        public void root(Path root, boolean directory) {
            heard.add(root.toString());
        }

        @Override
        public void loaded(ClassOrigin origin) {
            heard.add(origin);
        }
    };

    @Test
    void aHugeLineIdleConnectionsAndGarbageLeaveTheChannelHearingItsAgent() throws Exception {
        try (ReportServer server = new ReportServer(listener)) {
            int port = Integer.parseInt(server.environment().get(ReportProtocol.PORT_VARIABLE));
            long threadsBefore = HostileClients.threads("respawn-report-reader");

            long sent = HostileClients.endlessLine(port, 100L << 20);
            assertThat(sent).as("disconnected long before 100 MB").isLessThan(8L << 20);

            List<Socket> idle = HostileClients.idle(port, 300);
            try {
                // Past the cap the longest-waiting were closed: a thread for each of a few strangers at most.
                await().atMost(Duration.ofSeconds(20)).until(() -> HostileClients.threads("respawn-report-reader")
                        - threadsBefore <= ReportServer.MAX_UNAUTHENTICATED);
                HostileClients.garbage(port);
                // With the strangers' connections still open, the worker's agent, with the secret, is heard.
                ReportClient client = ReportClient.fromEnvironment(server.environment()).orElseThrow();
                client.root(Path.of("/agent-root"), true);
                await().atMost(Duration.ofSeconds(20)).until(() -> heard.contains("/agent-root"));
                client.close();
            } finally {
                HostileClients.closeAll(idle);
            }
            assertThat(heard).doesNotContain("/evil");
        }
    }
}
