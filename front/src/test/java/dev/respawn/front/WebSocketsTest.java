package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSockets} between the JDK's WebSocket client and a Jetty WebSocket echo standing for the
 * application: frames both ways, close codes from either side, and what the client is told when
 * the application drops the socket during a reload or outside one.
 */
class WebSocketsTest {

    private final Gate gate = new Gate();
    private Server application;
    private Server front;
    private int frontPort;
    private int applicationPort;
    private WebSockets webSockets;

    @BeforeEach
    void start() throws Exception {
        application = new Server();
        ServerConnector applicationConnector = new ServerConnector(application);
        applicationConnector.setHost("127.0.0.1");
        application.addConnector(applicationConnector);
        WebSocketUpgradeHandler upgrades = new WebSocketUpgradeHandler();
        upgrades.addMapping("/ws", (request, response, callback) -> new Echo());
        application.setHandler(upgrades);
        application.start();
        applicationPort = applicationConnector.getLocalPort();

        front = new Server();
        ServerConnector frontConnector = new ServerConnector(front);
        frontConnector.setHost("127.0.0.1");
        front.addConnector(frontConnector);
        webSockets = new WebSockets(front, gate, new Answers(false));
        front.setHandler(new Handler.Abstract() {
            {
                installBean(webSockets);
            }

            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if (!WebSockets.isUpgrade(request) || !webSockets.forward(request, response, callback, applicationPort)) {
                    Response.writeError(request, response, callback, 404);
                }
                return true;
            }
        });
        front.start();
        frontPort = frontConnector.getLocalPort();
        gate.open(applicationPort);
    }

    @AfterEach
    void stop() throws Exception {
        front.stop();
        application.stop();
    }

    @Test
    void passesFramesBothWaysAndCloseCodesFromEitherSide() throws Exception {
        Client client = Client.open(frontPort);
        assertThat(client.next()).isEqualTo("text hello");
        client.ws.sendText("échos", true).get(10, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("text échos");
        byte[] large = new byte[200_000];
        large[199_999] = 7;
        client.ws.sendBinary(ByteBuffer.wrap(large), true).get(10, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("binary 200000 7");
        client.ws.sendPing(ByteBuffer.wrap("ping?".getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("pong ping?");
        client.ws.sendText("close 4001", true).get(10, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("close 4001 asked to");

        Client closing = Client.open(frontPort);
        assertThat(closing.next()).isEqualTo("text hello");
        closing.ws.sendClose(4002, "done").get(10, TimeUnit.SECONDS);
        assertThat(closing.next()).isEqualTo("close 4002 done");
    }

    @Test
    void anUpgradeTheApplicationRefusesIsAnsweredWithItsStatus() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + frontPort + "/nowhere")).header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("not an upgrade: not for WebSockets").isEqualTo(404);
        java.util.concurrent.CompletableFuture<WebSocket> opening = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + frontPort + "/nowhere"), new Client());
        assertThat(opening).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(404));
    }

    @Test
    void anApplicationDroppingTheSocketDuringAReloadClosesItWithServiceRestart() throws Exception {
        Client client = Client.open(frontPort);
        assertThat(client.next()).isEqualTo("text hello");
        gate.hold();
        client.ws.sendText("drop", true).get(10, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("close 1012 respawn restarted the application");
    }

    @Test
    void aRestartClosesSocketsToTheCodeItReplacedButNotNewerOnes() throws Exception {
        Client old = Client.open(frontPort);
        assertThat(old.next()).isEqualTo("text hello");
        gate.hold();
        gate.open(applicationPort);
        Client opened = Client.open(frontPort);
        assertThat(opened.next()).isEqualTo("text hello");
        webSockets.restarted(gate.reloads());
        assertThat(old.next()).isEqualTo("close 1012 respawn restarted the application");
        opened.ws.sendText("still open", true).get(10, TimeUnit.SECONDS);
        assertThat(opened.next()).isEqualTo("text still open");
    }

    @Test
    void anApplicationClosingTheSocketDuringAReloadClosesItWithServiceRestart() throws Exception {
        Client client = Client.open(frontPort);
        assertThat(client.next()).isEqualTo("text hello");
        gate.hold();
        client.ws.sendText("close 1000", true).get(10, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("close 1012 respawn restarted the application");
    }

    @Test
    void anApplicationDroppingTheSocketOtherwiseClosesItWithBadGateway() throws Exception {
        Client client = Client.open(frontPort);
        assertThat(client.next()).isEqualTo("text hello");
        client.ws.sendText("drop", true).get(10, TimeUnit.SECONDS);
        assertThat(client.next()).isEqualTo("close 1014 the application dropped the connection");
    }

    /** Greets, echoes, closes with the code asked for, or drops the connection without a close. */
    private static final class Echo implements FrameHandler {

        private CoreSession session;

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession;
            callback.succeeded();
            session.sendFrame(new Frame(OpCode.TEXT, "hello"), Callback.NOOP, false);
            session.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            if (frame.getOpCode() == OpCode.TEXT && frame.getPayloadAsUTF8().startsWith("close ")) {
                session.close(Integer.parseInt(frame.getPayloadAsUTF8().substring(6)), "asked to", callback);
            } else if (frame.getOpCode() == OpCode.TEXT && frame.getPayloadAsUTF8().equals("drop")) {
                session.abort();
                callback.succeeded();
            } else if (frame.isDataFrame()) {
                session.sendFrame(new Frame(frame.getOpCode(), frame.isFin(), BufferUtil.copy(frame.getPayload())), Callback.from(() -> {
                    callback.succeeded();
                    session.demand();
                }, callback::failed), false);
            } else if (frame.getOpCode() == OpCode.PING) {
                session.sendFrame(new Frame(OpCode.PONG).setPayload(frame.getPayload()), Callback.from(() -> {
                    callback.succeeded();
                    session.demand();
                }, callback::failed), false);
            } else {
                callback.succeeded();
                session.demand();
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
        }
    }

    /** The JDK's client, what it receives queued one line per message. */
    private static final class Client implements WebSocket.Listener {

        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private int binaryLength;
        private byte lastByte;
        private WebSocket ws;

        static Client open(int port) throws Exception {
            Client client = new Client();
            client.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client).get(10, TimeUnit.SECONDS);
            return client;
        }

        String next() throws InterruptedException {
            String next = received.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(next).as("a message within 10 s").isNotNull();
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
            binaryLength += data.remaining();
            if (data.hasRemaining()) {
                lastByte = data.get(data.limit() - 1);
            }
            if (last) {
                received.add("binary " + binaryLength + " " + lastByte);
                binaryLength = 0;
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
