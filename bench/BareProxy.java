import java.util.concurrent.TimeUnit;

import dev.respawn.shaded.org.eclipse.jetty.client.HttpClient;
import dev.respawn.shaded.org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import dev.respawn.shaded.org.eclipse.jetty.http.HttpURI;
import dev.respawn.shaded.org.eclipse.jetty.io.ClientConnector;
import dev.respawn.shaded.org.eclipse.jetty.proxy.ProxyHandler;
import dev.respawn.shaded.org.eclipse.jetty.server.HttpConfiguration;
import dev.respawn.shaded.org.eclipse.jetty.server.HttpConnectionFactory;
import dev.respawn.shaded.org.eclipse.jetty.server.Server;
import dev.respawn.shaded.org.eclipse.jetty.server.ServerConnector;
import dev.respawn.shaded.org.eclipse.jetty.server.internal.HttpConnection;
import dev.respawn.shaded.org.eclipse.jetty.util.thread.Invocable;
import dev.respawn.shaded.org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A baseline for bench/front.sh: Jetty's reverse proxy, the very Jetty respawn.jar ships, with
 * nothing of respawn's (no hold, no failure pages, no wrappers): what a proxy costs on this machine
 * before respawn adds anything. {@code -Ddefaults=true} runs it as Jetty's ProxyHandler comes (its
 * own client thread pool, handlers that may block); without it, tuned as respawn's front is (one
 * pool, nothing that blocks, connections resumed inline, no Via or Forwarded).
 *
 * <pre>java -cp debug-agent/target/respawn.jar bench/BareProxy.java LISTEN_PORT TARGET_PORT</pre>
 */
public final class BareProxy {

    public static void main(String[] args) throws Exception {
        int listen = Integer.parseInt(args[0]);
        int target = Integer.parseInt(args[1]);
        boolean defaults = Boolean.getBoolean("defaults");
        ThreadLocal<Boolean> resuming = ThreadLocal.withInitial(() -> false);
        // As respawn's FrontThreads: a connection whose answer completed is read again on that thread.
        QueuedThreadPool threads = new QueuedThreadPool(200, 4) {
            @Override
            public void execute(Runnable job) {
                if (defaults || !(job instanceof HttpConnection) || resuming.get()) {
                    super.execute(job);
                    return;
                }
                resuming.set(true);
                try {
                    job.run();
                } finally {
                    resuming.set(false);
                }
            }
        };
        threads.setReservedThreads(defaults ? -1 : 0);
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(listen);
        server.addConnector(connector);
        ProxyHandler.Reverse proxy = new ProxyHandler.Reverse(request -> HttpURI.build(request.getHttpURI())
                .scheme("http").host("127.0.0.1").port(target)) {
            @Override
            protected HttpClient newHttpClient() {
                if (defaults) {
                    return super.newHttpClient();
                }
                ClientConnector client = new ClientConnector();
                client.setExecutor(threads);
                client.setSelectors(1);
                HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(client);
                transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
                return new HttpClient(transport);
            }

            @Override
            protected void addProxyHeaders(dev.respawn.shaded.org.eclipse.jetty.server.Request clientToProxyRequest,
                    dev.respawn.shaded.org.eclipse.jetty.client.Request proxyToServerRequest) {
                if (defaults) {
                    super.addProxyHeaders(clientToProxyRequest, proxyToServerRequest);
                }
            }

            @Override
            protected void configureHttpClient(HttpClient client) {
                super.configureHttpClient(client);
                client.setMaxConnectionsPerDestination(512);
            }

            @Override
            public InvocationType getInvocationType() {
                return defaults ? super.getInvocationType() : InvocationType.NON_BLOCKING;
            }
        };
        server.setHandler(proxy);
        server.start();
        System.out.println("bare proxy on " + listen + " to " + target + (defaults ? " (Jetty's defaults)" : ""));
        Thread.sleep(TimeUnit.DAYS.toMillis(1));
    }
}
