package dev.respawn.front;

import java.util.concurrent.Executor;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's reverse proxy, pointed at the worker's port for each request, and saying, when the
 * worker's answer breaks off, whether a reload cut it: such a request is never sent again, as it
 * may not be idempotent.
 */
final class WorkerProxy extends ProxyHandler.Reverse {

    static final String PORT = "dev.respawn.front.port";
    static final String RELOADS = "dev.respawn.front.reloads";

    private final Gate gate;
    private final Answers answers;

    private final Executor executor;
    private volatile ClientConnector clientConnector;

    /** @param executor the front's threads, which the connections to the application share */
    WorkerProxy(Gate gate, Answers answers, Executor executor) {
        super(request -> HttpURI.build(request.getHttpURI())
                .scheme("http").host("127.0.0.1").port((Integer) request.getAttribute(PORT)));
        this.gate = gate;
        this.answers = answers;
        this.executor = executor;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    /**
     * HTTP/1.1 only, on the front's threads, and the application's answers handled on the thread
     * that read them: the proxy's listeners only hand the bytes on, and each hand-over to another
     * thread costs, on a developer's two cores, as much as the forwarding.
     */
    @Override
    protected HttpClient newHttpClient() {
        ClientConnector connector = new ClientConnector();
        connector.setExecutor(executor);
        connector.setSelectors(1);
        clientConnector = connector;
        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        transport.setInvocationType(InvocationType.NON_BLOCKING);
        return new HttpClient(transport);
    }

    /** The connector of the proxy's client, once it started: {@link PairedUpstreams} connects with it too. */
    ClientConnector clientConnector() {
        return clientConnector;
    }

    /** Forwards {@code request} to the application on {@code port}. */
    boolean forward(Request request, Response response, Callback callback, int port) throws Exception {
        request.setAttribute(PORT, port);
        request.setAttribute(RELOADS, gate.reloads());
        return handle(request, response, callback);
    }

    /**
     * No Via or Forwarded: the application sees the client's own Host, and every address on the
     * way is this machine's loopback; composing them took about 4% of the front's time per request.
     */
    @Override
    protected void addProxyHeaders(Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest) {
    }

    @Override
    protected void configureHttpClient(HttpClient httpClient) {
        super.configureHttpClient(httpClient);
        // Bounded loopback load from a developer's tools; the default 64 would queue a larger burst.
        httpClient.setMaxConnectionsPerDestination(512);
        httpClient.setMaxRequestsQueuedPerDestination(4096);
        httpClient.setIdleTimeout(Front.IDLE.toMillis());
        // The client's own User-Agent is copied over; Jetty's would be a second one the application reads.
        httpClient.setUserAgentField(null);
    }

    /**
     * Jetty's listener, which also passes on the trailers after a chunked answer: Jetty's proxy
     * drops them, as the front's paired path ({@link UpstreamAnswer}) does not.
     */
    @Override
    protected org.eclipse.jetty.client.Response.CompleteListener newServerToProxyResponseListener(
            Request clientToProxyRequest, org.eclipse.jetty.client.Request proxyToServerRequest,
            Response proxyToClientResponse, Callback proxyToClientCallback) {
        return new ProxyResponseListener(clientToProxyRequest, proxyToServerRequest, proxyToClientResponse,
                proxyToClientCallback) {
            @Override
            public void onHeaders(org.eclipse.jetty.client.Response serverToProxyResponse) {
                if (serverToProxyResponse.getHeaders().contains(org.eclipse.jetty.http.HttpHeader.TRANSFER_ENCODING,
                        "chunked")) {
                    // Asked for once the client's last chunk goes out, when the application's have been read.
                    proxyToClientResponse.setTrailersSupplier(serverToProxyResponse::getTrailers);
                }
                super.onHeaders(serverToProxyResponse);
            }
        };
    }

    @Override
    protected void onServerToProxyResponseFailure(Request clientToProxyRequest,
            org.eclipse.jetty.client.Request proxyToServerRequest, org.eclipse.jetty.client.Response serverToProxyResponse,
            Response proxyToClientResponse, Callback proxyToClientCallback, Throwable failure) {
        if (proxyToClientResponse.isCommitted() && !(cut(clientToProxyRequest) && isEventStream(proxyToClientResponse))) {
            super.onServerToProxyResponseFailure(clientToProxyRequest, proxyToServerRequest, serverToProxyResponse,
                    proxyToClientResponse, proxyToClientCallback, failure);
            return;
        }
        answerFailure(clientToProxyRequest, proxyToClientResponse, proxyToClientCallback, failure,
                (Integer) clientToProxyRequest.getAttribute(PORT), (Long) clientToProxyRequest.getAttribute(RELOADS));
    }

    /**
     * Answers {@code request}, whose answer from the application broke off with {@code failure}: a 502
     * that says whether a reload cut it, or, once the answer began, the end of it.
     */
    void answerFailure(Request request, Response response, Callback callback, Throwable failure, int port,
            long reloadsAtSend) {
        boolean cut = reloadsAtSend != gate.reloads();
        if (response.isCommitted() && cut && isEventStream(response)) {
            // An event stream a reload cut ends as the application would end it: the browser's
            // EventSource then reconnects, to the new code, with no network error.
            response.write(true, null, callback);
            return;
        }
        if (response.isCommitted()) {
            callback.failed(failure);
            return;
        }
        if (cut && InFlight.asksForEventStreamOnly(request.getHeaders().getValuesList(org.eclipse.jetty.http.HttpHeader.ACCEPT))) {
            // An EventSource's request a reload cut before its stream began (not waited for: it may
            // never end): an empty stream, after which it reconnects, where a 502 would stop it for good.
            response.getHeaders().clear();
            response.setStatus(200);
            response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "text/event-stream");
            response.write(true, null, callback);
            return;
        }
        String why = cut
                ? "a reload stopped the application while it handled this request; it was not sent again, as it"
                        + " may not be idempotent"
                : "the application on port " + port + " did not answer: " + brief(failure);
        // Whatever the application had begun to answer is not the answer now.
        response.getHeaders().clear();
        answers.problem(request, response, callback, 502,
                cut ? "A reload cut this request" : "The application did not answer", why);
    }

    /** Whether a reload began since {@code request} was sent to the application. */
    private boolean cut(Request request) {
        return request.getAttribute(RELOADS) instanceof Long reloads && reloads != gate.reloads();
    }

    private static boolean isEventStream(Response response) {
        String type = response.getHeaders().get(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream");
    }

    /** Jetty's exceptions name its whole connection state; the client needs what happened. */
    static String brief(Throwable failure) {
        if (failure instanceof java.io.EOFException) {
            return "it closed the connection before answering";
        }
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String text = failure.getClass().getSimpleName() + message;
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
