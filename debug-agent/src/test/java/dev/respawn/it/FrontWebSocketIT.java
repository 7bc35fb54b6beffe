package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSockets and server-sent events of a real application (the Vert.x example) through
 * {@code --front-port}: frames of every kind both ways, close codes from either side, events as they
 * come; a hot swap keeps a socket open, a restart closes it with a code that says so, and a socket
 * opened meanwhile reaches the new code. With {@code --browser-reload} on, whose script injection
 * must leave both alone.
 */
class FrontWebSocketIT {

    private static final String GREETING = "dev/respawn/examples/vertx/Greeting.java";
    private static final Duration SERVED = Duration.ofSeconds(60);
    private static final Duration FRAME = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void framesAndEventsPassThroughAndARestartClosesSocketsForANewOne() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("vertx", temp);
        int front = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--front-port", Integer.toString(front), "--browser-reload", "--", TestEnvironment.java(), "-cp", app.classpath(),
                "dev.respawn.examples.vertx.VertxApp", Integer.toString(TestEnvironment.freePort())))) {
            Http.awaitBody(front, "/hello", "Hello from Vert.x", SERVED);

            Socket socket = Socket.open(front);
            assertThat(socket.next()).isEqualTo("text Hello from Vert.x");
            socket.ws.sendText("échos", true).get(30, TimeUnit.SECONDS);
            assertThat(socket.next()).isEqualTo("text échos");
            // Larger than a frame the front reads at once: passed on in pieces, one message still
            // (within Vert.x's own bound of 256 KiB for a message).
            byte[] large = new byte[200_000];
            for (int i = 0; i < large.length; i++) {
                large[i] = (byte) (i * 31);
            }
            socket.ws.sendBinary(ByteBuffer.wrap(large), true).get(30, TimeUnit.SECONDS);
            assertThat(socket.next()).isEqualTo("binary " + sha256(large));
            socket.ws.sendPing(ByteBuffer.wrap("anyone?".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            assertThat(socket.next()).isEqualTo("pong anyone?");
            socket.ws.sendText("close 4001", true).get(30, TimeUnit.SECONDS);
            assertThat(socket.next()).isEqualTo("close 4001 asked to");

            Socket closing = Socket.open(front);
            assertThat(closing.next()).isEqualTo("text Hello from Vert.x");
            closing.ws.sendClose(4002, "done").get(30, TimeUnit.SECONDS);
            assertThat(closing.next()).startsWith("close 4002");

            eventsArriveOneByOne(front);

            Socket kept = Socket.open(front);
            assertThat(kept.next()).isEqualTo("text Hello from Vert.x");
            app.edit(GREETING, "return \"Hello from Vert.x\";", "return \"Swapped\";");
            app.compile();
            Http.awaitBody(front, "/hello", "Swapped", SERVED);
            kept.ws.sendText("still open", true).get(30, TimeUnit.SECONDS);
            assertThat(kept.next()).as("a hot swap keeps the socket").isEqualTo("text still open");

            Stream<String> ticks = events(front);
            Iterator<String> stream = ticks.iterator();
            assertThat(nextWithin(stream)).isEqualTo("data: tick 1");
            // A new field: a restart inside the JVM, which stops the code the socket reaches.
            app.edit(GREETING, "    private Greeting() {", "    private static String said = \"Restarted\";\n\n    private Greeting() {");
            app.edit(GREETING, "return \"Swapped\";", "return said;");
            app.compile();
            assertThat(kept.next()).isEqualTo("close 1012 respawn restarted the application");
            // The event stream ends, as one the application ended would (an EventSource reconnects).
            assertThat(CompletableFuture.supplyAsync(() -> {
                while (stream.hasNext()) {
                    stream.next();
                }
                return "ended";
            }).get(FRAME.toSeconds(), TimeUnit.SECONDS)).isEqualTo("ended");
            ticks.close();
            // At once, while the restart may still run: held, then answered by the new code.
            Socket again = Socket.open(front);
            assertThat(again.next()).isEqualTo("text Restarted");
            respawn.awaitStderr("restarted inside the JVM in", SERVED);
            again.ws.sendText("and echoes", true).get(30, TimeUnit.SECONDS);
            assertThat(again.next()).isEqualTo("text and echoes");
        }
    }

    /** The application's ticks never end: a front that buffered the stream would deliver none. */
    private static void eventsArriveOneByOne(int front) throws Exception {
        try (Stream<String> events = events(front)) {
            Iterator<String> lines = events.iterator();
            for (int i = 1; i <= 3; i++) {
                assertThat(nextWithin(lines)).isEqualTo("data: tick " + i);
            }
        }
    }

    /** The event stream's lines that are not blank. */
    private static Stream<String> events(int front) throws Exception {
        HttpResponse<Stream<String>> events = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + front + "/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        return events.body().filter(line -> !line.isEmpty());
    }

    private static String nextWithin(Iterator<String> lines) throws Exception {
        return CompletableFuture.supplyAsync(lines::next).get(FRAME.toSeconds(), TimeUnit.SECONDS);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A JDK WebSocket client through the front, what it receives queued as one line per message. */
    private static final class Socket implements WebSocket.Listener {

        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
        private WebSocket ws;

        static Socket open(int front) throws Exception {
            Socket socket = new Socket();
            socket.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + front + "/ws"), socket).get(90, TimeUnit.SECONDS);
            return socket;
        }

        /** The next message, or a failure when none came in time. */
        String next() throws InterruptedException {
            String next = received.poll(FRAME.toSeconds(), TimeUnit.SECONDS);
            assertThat(next).as("a message within " + FRAME).isNotNull();
            return next;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add("text " + text);
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                try {
                    received.add("binary " + sha256(binary.toByteArray()));
                } catch (Exception e) {
                    received.add("binary " + e);
                }
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            received.add("pong " + StandardCharsets.UTF_8.decode(message));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add("close " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            received.add("error " + error);
        }
    }
}
