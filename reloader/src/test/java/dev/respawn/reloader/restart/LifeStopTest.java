package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

class LifeStopTest {

    private static final Path TEST_CLASSES = testClasses();

    @Test
    void stopsAJdkHttpServerAndItsExecutorThatNoHookStops() throws Exception {
        int port = freePort();
        Life life = Life.prepare(1, JdkServerApp.class.getName(), List.of(TEST_CLASSES), ClassLoader.getSystemClassLoader());
        life.start(new String[] {Integer.toString(port)}, trace -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> listens(port));
        // One request, so that the fixed pool has a worker thread.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
            assertThat(new String(socket.getInputStream().readAllBytes())).contains("hi");
        }

        long began = System.nanoTime();
        Optional<String> failed = life.stop(Duration.ofSeconds(5), Set.of());

        assertThat(failed).isEmpty();
        assertThat(listens(port)).as("port closed").isFalse();
        assertThat(Threads.all()).noneMatch(thread -> thread.getName().equals("HTTP-Dispatcher") && thread.isAlive());
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void saysFastWhatCannotBeStopped() {
        Life life = Life.prepare(2, StubbornApp.class.getName(), List.of(TEST_CLASSES), ClassLoader.getSystemClassLoader());
        life.start(new String[0], trace -> { });
        await().atMost(Duration.ofSeconds(20)).until(() -> Threads.all().stream().anyMatch(t -> t.getName().equals("stubborn")));

        long began = System.nanoTime();
        Optional<String> failed = life.stop(Duration.ofSeconds(30), Set.of());

        assertThat(failed).hasValueSatisfying(why -> assertThat(why)
                .startsWith("thread 'stubborn' (at dev.respawn.reloader.restart.StubbornApp.lambda$main$0)")
                .contains("did not end when the application was stopped"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).as("long before the 30 s timeout")
                .isLessThan(2_500);
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(LifeStopTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
