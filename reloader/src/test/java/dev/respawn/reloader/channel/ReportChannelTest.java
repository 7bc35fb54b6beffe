package dev.respawn.reloader.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.respawn.reloader.tracking.ClassOrigin;

class ReportChannelTest {

    private final List<Object> heard = new CopyOnWriteArrayList<>();

    private final WorkerReportListener listener = new WorkerReportListener() {
        @Override
        public void connected(long pid) {
            heard.add(pid);
        }

        @Override
        public void root(Path root, boolean directory) {
            heard.add(root + (directory ? " dir" : " jar"));
        }

        @Override
        public void classPath(List<Path> entries) {
            heard.add(entries);
        }

        @Override
        public void loaded(ClassOrigin origin) {
            heard.add(origin);
        }

        @Override
        public void mainFailed(long pid, String trace) {
            heard.add(pid + " failed: " + trace);
        }
    };

    @Test
    void anAgentReportsRootsAndClasses() throws Exception {
        try (ReportServer server = new ReportServer(listener)) {
            ReportClient client = ReportClient.fromEnvironment(server.environment()).orElseThrow();
            ClassOrigin origin = new ClassOrigin("a.B", Path.of("/c/a/B.class"), Path.of("/c"), Optional.of(Path.of("/s/a/B.java")));
            client.root(Path.of("/c"), true);
            client.loaded(origin);
            client.root(Path.of("/l/x.jar"), false);
            await().until(() -> heard.size() == 4);
            assertThat(heard).containsExactly(ProcessHandle.current().pid(), "/c dir", origin, "/l/x.jar jar");
            client.close();
        }
    }

    @Test
    void aWarmAgentWaitsUntilTheSupervisorSaysGo() throws Exception {
        try (ReportServer server = new ReportServer(listener)) {
            Map<String, String> environment = new HashMap<>(server.environment());
            // As the supervisor says it to its child: here, to this JVM, whose parent is the supervisor.
            environment.put(ReportProtocol.WARM_VARIABLE, Long.toString(ProcessHandle.current().parent().orElseThrow().pid()));
            ReportClient client = ReportClient.fromEnvironment(environment).orElseThrow();
            client.listen(classes -> Optional.empty(), () -> Optional.empty(), () -> { });
            AtomicBoolean ran = new AtomicBoolean();
            Thread main = new Thread(() -> {
                client.awaitGoIfWarm();
                ran.set(true);
            });
            main.start();
            await().until(() -> server.link(ProcessHandle.current().pid()).isPresent());
            main.join(200);
            assertThat(ran).as("before go").isFalse();
            assertThat(server.link(ProcessHandle.current().pid()).orElseThrow().go()).isTrue();
            await().untilTrue(ran);
            client.close();
        }
    }

    @Test
    void anAgentNotStartedByTheSupervisorDoesNotWait() throws Exception {
        try (ReportServer server = new ReportServer(listener)) {
            Map<String, String> environment = new HashMap<>(server.environment());
            // The variable inherited by a JVM the application starts: its parent is not the supervisor,
            // which is alive (here: this JVM's parent's parent, or init, stand-ins for a live supervisor).
            long alive = ProcessHandle.current().parent().flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(1L);
            environment.put(ReportProtocol.WARM_VARIABLE, Long.toString(alive));
            ReportClient client = ReportClient.fromEnvironment(environment).orElseThrow();
            client.awaitGoIfWarm();
            client.close();
        }
    }

    @Test
    void anAgentWhoseSupervisorIsGoneCountsAsWarmSoThatItNeverRunsTheApplication() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Map<String, String> environment = Map.of("RESPAWN_SUPERVISOR_PORT", "1", ReportProtocol.WARM_VARIABLE,
                Long.toString(gone.pid()));
        assertThat(ReportClient.isWarm(environment)).isTrue();
    }

    @Test
    void anAgentReportsItsClassPathWithAbsoluteEntries() throws Exception {
        try (ReportServer server = new ReportServer(listener)) {
            ReportClient client = ReportClient.fromEnvironment(server.environment()).orElseThrow();
            client.classPath("target/classes" + java.io.File.pathSeparator + "/l/x.jar");
            await().until(() -> heard.size() == 2);
            assertThat(heard.get(1)).isEqualTo(List.of(Path.of("target/classes").toAbsolutePath(), Path.of("/l/x.jar")));
            client.close();
        }
    }

    @Test
    void anAgentSaysWhenMainFailedEvenWithAHugeTraceWhichItCuts() throws Exception {
        try (ReportServer server = new ReportServer(listener)) {
            ReportClient client = ReportClient.fromEnvironment(server.environment()).orElseThrow();
            long pid = ProcessHandle.current().pid();
            client.mainFailed("Exception in thread \"main\" java.lang.IllegalStateException: \u00e9\n\tat a.B.main(B.java:3)\n");
            client.mainFailed("x".repeat(200_000));
            client.root(Path.of("/after"), true);
            await().until(() -> heard.size() == 4);
            assertThat(heard.get(1)).isEqualTo(pid + " failed: Exception in thread \"main\" java.lang.IllegalStateException: "
                    + "\u00e9\n\tat a.B.main(B.java:3)\n");
            assertThat((String) heard.get(2)).hasSizeLessThan(ReportProtocol.MAX_TRACE + 100).endsWith("\t...");
            assertThat(heard.get(3)).as("the channel goes on").isEqualTo("/after dir");
            client.close();
        }
    }

    @Test
    void aConnectionWithoutTheSecretIsNotHeard() throws Exception {
        try (ReportServer server = new ReportServer(listener)) {
            int port = Integer.parseInt(server.environment().get("RESPAWN_SUPERVISOR_PORT"));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write("hello\twrong\t1\nroot\tdir\t/evil\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The server closes the connection: reading ends.
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(heard).isEmpty();
        }
    }

    @Test
    void theAgentHearsWhenItsSupervisorGoes() throws Exception {
        AtomicBoolean gone = new AtomicBoolean();
        ReportServer server = new ReportServer(listener);
        ReportClient client = ReportClient.fromEnvironment(server.environment()).orElseThrow();
        client.listen(classes -> java.util.Optional.empty(), InJvmRestart.unavailable("test"), () -> gone.set(true));
        await().until(() -> heard.size() == 1);
        server.close();
        await().untilTrue(gone);
    }

    @Test
    void noSupervisorMeansNoClient() throws Exception {
        assertThat(ReportClient.fromEnvironment(new HashMap<>(Map.of("PATH", "/bin")))).isEmpty();
    }
}
