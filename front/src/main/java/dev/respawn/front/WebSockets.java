package dev.respawn.front;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.client.CoreClientUpgradeRequest;
import org.eclipse.jetty.websocket.core.client.UpgradeListener;
import org.eclipse.jetty.websocket.core.client.WebSocketCoreClient;
import org.eclipse.jetty.websocket.core.exception.UpgradeException;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * WebSocket upgrades through the front: the application's WebSocket is opened first, with the
 * client's path, headers and subprotocols, and only once it accepted is the client's upgrade
 * accepted, with the subprotocol the application chose; frames then pass through a
 * {@link WebSocketBridge}. WebSockets that reach code a restart replaced are closed with 1012.
 */
final class WebSockets extends ContainerLifeCycle {

    private static final Duration CONNECT_BOUND = Duration.ofSeconds(30);
    /** What the handshakes set themselves, hop by hop, on each side. */
    private static final Set<HttpHeader> HANDSHAKE = Set.of(HttpHeader.CONNECTION, HttpHeader.UPGRADE,
            HttpHeader.SEC_WEBSOCKET_KEY, HttpHeader.SEC_WEBSOCKET_VERSION, HttpHeader.SEC_WEBSOCKET_EXTENSIONS,
            HttpHeader.SEC_WEBSOCKET_SUBPROTOCOL, HttpHeader.SEC_WEBSOCKET_ACCEPT, HttpHeader.CONTENT_LENGTH,
            HttpHeader.TRANSFER_ENCODING, HttpHeader.KEEP_ALIVE, HttpHeader.DATE, HttpHeader.SERVER);

    private final Gate gate;
    private final Answers answers;
    private final Handshaker handshaker = Handshaker.newInstance();
    private final WebSocketComponents components;
    private final WebSocketCoreClient client;
    private final Set<WebSocketBridge> open = ConcurrentHashMap.newKeySet();

    WebSockets(Server server, Gate gate, Answers answers) {
        this.gate = gate;
        this.answers = answers;
        this.components = WebSocketServerComponents.ensureWebSocketComponents(server);
        HttpClient http = new HttpClient();
        http.setExecutor(server.getThreadPool());
        // The front forwards each client's cookies itself; one client's must never reach another's socket.
        http.setHttpCookieStore(new HttpCookieStore.Empty());
        http.setFollowRedirects(false);
        // The client's User-Agent is copied over, as for every other request.
        http.setUserAgentField(null);
        this.client = new WebSocketCoreClient(http, components);
        addBean(http);
        addBean(client);
    }

    /** Whether {@code request} asks for a WebSocket. */
    static boolean isUpgrade(Request request) {
        return request.getHeaders().contains(HttpHeader.UPGRADE, "websocket");
    }

    /** Opens the application's WebSocket on {@code port}, then accepts the client's upgrade onto it. */
    boolean forward(Request request, Response response, Callback callback, int port) throws Exception {
        if (!handshaker.isWebSocketUpgradeRequest(request)) {
            return false;
        }
        WebSocketBridge bridge = new WebSocketBridge(gate::reloads, () -> !gate.port().isDone(), open);
        URI uri = URI.create("ws://127.0.0.1:" + port + request.getHttpURI().getPathQuery());
        CoreClientUpgradeRequest upgrade = CoreClientUpgradeRequest.from(client, uri, bridge.worker());
        upgrade.headers(headers -> copy(request.getHeaders(), headers));
        upgrade.setSubProtocols(request.getHeaders().getCSV(HttpHeader.SEC_WEBSOCKET_SUBPROTOCOL, true));
        upgrade.timeout(CONNECT_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        upgrade.setConfiguration(configuration());
        HttpFields.Mutable answered = HttpFields.build();
        upgrade.addListener(new UpgradeListener() {
            @Override
            public void onHandshakeResponse(org.eclipse.jetty.client.Request sent,
                    org.eclipse.jetty.client.Response received) {
                copy(received.getHeaders(), answered);
            }
        });
        client.connect(upgrade).whenComplete((session, failure) -> {
            if (failure != null) {
                refused(request, response, callback, port, failure);
            } else {
                accept(request, response, callback, bridge, session, answered);
            }
        });
        return true;
    }

    private void accept(Request request, Response response, Callback callback, WebSocketBridge bridge, CoreSession worker,
            HttpFields answered) {
        try {
            boolean upgraded = handshaker.upgradeRequest((upgradeRequest, upgradeResponse, negotiated) -> {
                upgradeResponse.getHeaders().add(answered);
                upgradeResponse.setAcceptedSubProtocol(worker.getNegotiatedSubProtocol());
                // Frames pass as they are: no extension (compression) on either side of a loopback.
                upgradeResponse.setExtensions(List.of());
                return bridge.client();
            }, request, response, callback, components, configuration());
            if (!upgraded) {
                worker.close(Callback.NOOP);
                Response.writeError(request, response, callback, 400, "not a WebSocket upgrade the front can accept");
            }
        } catch (Exception | LinkageError e) {
            worker.abort();
            callback.failed(e);
        }
    }

    private void refused(Request request, Response response, Callback callback, int port, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof UpgradeException upgrade && upgrade.getResponseStatusCode() >= 400) {
            answers.problem(request, response, callback, upgrade.getResponseStatusCode(),
                    "The application refused the WebSocket", "it answered " + upgrade.getResponseStatusCode() + " to "
                            + request.getMethod() + " " + request.getHttpURI().getPathQuery());
            return;
        }
        answers.problem(request, response, callback, 502, "The application did not answer",
                "the application on port " + port + " did not open the WebSocket: " + WorkerProxy.brief(cause));
    }

    /**
     * The same on both sides: no idle bound of the front's own (the client and the application decide
     * when a quiet socket is dead, as without the front); long frames passed on in 64 KiB pieces.
     */
    private static Configuration.ConfigurationCustomizer configuration() {
        Configuration.ConfigurationCustomizer configuration = new Configuration.ConfigurationCustomizer();
        configuration.setIdleTimeout(Duration.ZERO);
        configuration.setAutoFragment(true);
        return configuration;
    }

    private static void copy(HttpFields from, HttpFields.Mutable to) {
        for (HttpField field : from) {
            if (field.getHeader() == null || !HANDSHAKE.contains(field.getHeader())) {
                to.add(field);
            }
        }
    }

    /** Closes the WebSockets that reach code older than reload number {@code reloads}: a restart stopped it. */
    void restarted(long reloads) {
        open.stream().filter(bridge -> bridge.openedBefore(reloads)).forEach(WebSocketBridge::restarted);
    }

    @Override
    protected void doStop() throws Exception {
        open.forEach(WebSocketBridge::stopping);
        super.doStop();
    }
}
