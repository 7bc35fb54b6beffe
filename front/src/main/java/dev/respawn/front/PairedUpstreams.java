package dev.respawn.front;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.ClientConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;

/**
 * The front's path for the requests most are, those with no body (GET, HEAD, DELETE...): each
 * client connection to the front gets one connection of its own to the application
 * ({@link Upstream}), made at its first such request and kept while both stay open and no reload
 * began. Requests with a body, and upgrades, take Jetty's proxy ({@link WorkerProxy}), which
 * streams bodies both ways; on two cores shared by the client, the front and the application,
 * the HttpClient machinery that proxy runs per request cost as much again as the sockets.
 */
final class PairedUpstreams {

    private static final String KEY = PairedUpstreams.class.getName();
    private static final String LISTENING = KEY + ".listening";

    private final Gate gate;
    private final WorkerProxy proxy;
    private final Executor executor;
    private volatile Target lastTarget;

    PairedUpstreams(Gate gate, WorkerProxy proxy, Executor executor) {
        this.gate = gate;
        this.proxy = proxy;
        this.executor = executor;
    }

    /** Whether {@code request} takes this path: HTTP/1, no body, no upgrade, no 100-continue. */
    static boolean takes(Request request) {
        HttpVersion version = request.getConnectionMetaData().getHttpVersion();
        String path = request.getHttpURI().getPath();
        if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0 || path == null || !path.startsWith("/")) {
            return false;
        }
        var headers = request.getHeaders();
        String length = headers.get(HttpHeader.CONTENT_LENGTH);
        return (length == null || length.equals("0")) && !headers.contains(HttpHeader.TRANSFER_ENCODING)
                && !headers.contains(HttpHeader.UPGRADE) && !headers.contains(HttpHeader.EXPECT)
                && !"CONNECT".equals(request.getMethod());
    }

    /** Sends {@code request} to the application on {@code port}, over its connection's own upstream. */
    void forward(Request request, Response response, Callback callback, int port) {
        // Not in the request's attributes, as Jetty's proxy has them: a map per request.
        long reloads = gate.reloads();
        Exchange exchange = new Exchange(request, response, callback, target(request.getHttpURI().getPathQuery()),
                HopByHop.endToEnd(request.getHeaders()),
                failure -> proxy.answerFailure(request, response, callback, failure, port, reloads));
        var client = request.getConnectionMetaData();
        if (client.getAttribute(KEY) instanceof Upstream upstream && upstream.reusable(reloads, port)) {
            upstream.send(exchange);
            return;
        }
        if (client.getAttribute(KEY) instanceof Upstream stale) {
            stale.close();
        }
        if (client.getAttribute(LISTENING) == null) {
            client.setAttribute(LISTENING, Boolean.TRUE);
            // Once per client connection: its upstream, whichever it is then, closes with it.
            client.getConnection().addEventListener(new Connection.Listener() {
                @Override
                public void onClosed(Connection closed) {
                    if (client.getAttribute(KEY) instanceof Upstream upstream) {
                        upstream.close();
                    }
                }
            });
        }
        java.util.function.Consumer<Upstream> pair = upstream -> client.setAttribute(KEY, upstream);
        if (client.getConnector() instanceof FrontConnector front) {
            // On the client's own selector: see FrontConnector.
            front.connect(new InetSocketAddress("127.0.0.1", port), new FrontConnector.Opening() {
                @Override
                public Connection open(EndPoint endPoint, Executor executor) {
                    return new Upstream(endPoint, executor, reloads, port, exchange, pair);
                }

                @Override
                public void failed(Throwable failure) {
                    exchange.failed(failure);
                }
            });
            return;
        }
        connect(port, reloads, exchange, pair);
    }

    private void connect(int port, long reloads, Exchange first, java.util.function.Consumer<Upstream> pair) {
        Map<String, Object> context = new HashMap<>();
        context.put(Transport.CONTEXT_KEY, Transport.TCP_IP);
        context.put(ClientConnectionFactory.CONTEXT_KEY,
                (ClientConnectionFactory) (endPoint, ignored) -> new Upstream(endPoint, executor, reloads, port, first, pair));
        context.put(ClientConnector.CONNECTION_PROMISE_CONTEXT_KEY, Promise.from(connection -> { }, first::failed));
        connector().connect(new InetSocketAddress("127.0.0.1", port), context);
    }

    /** The request line's target: parsed once for a path asked again and again, as a page's or a poll's. */
    private HttpURI target(String pathQuery) {
        Target last = lastTarget;
        if (last != null && last.pathQuery().equals(pathQuery)) {
            return last.uri();
        }
        HttpURI uri = HttpURI.from(pathQuery);
        lastTarget = new Target(pathQuery, uri);
        return uri;
    }

    private record Target(String pathQuery, HttpURI uri) {
    }

    /** The connector of Jetty's proxy: its selector and the front's threads serve both paths. */
    private ClientConnector connector() {
        return proxy.clientConnector();
    }
}
