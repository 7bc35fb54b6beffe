package dev.respawn.recorder.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.spi.HttpServerProvider;

/**
 * The JDK's HTTP server, with a recording filter first on every context: installed through the
 * {@value #PROPERTY} system property, which {@code HttpServer.create} honours, so that no class of
 * the JDK is changed. It hands the real work to the provider the JDK would have picked without it
 * (the one the property named before, else the first service provider, else the built-in one),
 * so an application using, say, Jetty's provider keeps it.
 */
public final class RecordingServerProvider extends HttpServerProvider {

    /** The system property the JDK reads to pick its provider. */
    public static final String PROPERTY = "com.sun.net.httpserver.HttpServerProvider";

    private static volatile String previous;

    private final HttpServerProvider delegate;

    public RecordingServerProvider() {
        this.delegate = chooseDelegate();
    }

    /** Remembers the provider the user named, before ours takes the property. */
    static void replacing(String providerClassName) {
        previous = providerClassName;
    }

    @Override
    public HttpServer createHttpServer(InetSocketAddress address, int backlog) throws IOException {
        return new RecordingHttpServer(delegate.createHttpServer(address, backlog));
    }

    @Override
    public HttpsServer createHttpsServer(InetSocketAddress address, int backlog) throws IOException {
        return new RecordingHttpsServer(delegate.createHttpsServer(address, backlog));
    }

    private static HttpServerProvider chooseDelegate() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        try {
            String named = previous;
            if (named != null && !named.equals(RecordingServerProvider.class.getName())) {
                return (HttpServerProvider) Class.forName(named, true, system).getConstructor().newInstance();
            }
            try {
                for (HttpServerProvider provider : ServiceLoader.load(HttpServerProvider.class, system)) {
                    if (!(provider instanceof RecordingServerProvider)) {
                        return provider;
                    }
                }
            } catch (ServiceConfigurationError e) {
                // As the JDK does: fall back to its own.
            }
            // Exported to us by JdkServerHook.
            return (HttpServerProvider) Class.forName("sun.net.httpserver.DefaultHttpServerProvider")
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("respawn: the recorder found no HTTP server provider to wrap", e);
        }
    }
}
