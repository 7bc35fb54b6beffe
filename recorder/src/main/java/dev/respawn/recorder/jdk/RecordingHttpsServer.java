package dev.respawn.recorder.jdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/** The JDK's HttpsServer, every context of which records its exchanges. */
final class RecordingHttpsServer extends HttpsServer {

    private final HttpsServer delegate;

    RecordingHttpsServer(HttpsServer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void bind(InetSocketAddress address, int backlog) throws IOException {
        delegate.bind(address, backlog);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void setExecutor(Executor executor) {
        delegate.setExecutor(executor);
    }

    @Override
    public Executor getExecutor() {
        return delegate.getExecutor();
    }

    @Override
    public void stop(int delay) {
        delegate.stop(delay);
    }

    @Override
    public HttpContext createContext(String path, HttpHandler handler) {
        return Contexts.recorded(delegate.createContext(path, handler));
    }

    @Override
    public HttpContext createContext(String path) {
        return Contexts.recorded(delegate.createContext(path));
    }

    @Override
    public void removeContext(String path) {
        delegate.removeContext(path);
    }

    @Override
    public void removeContext(HttpContext context) {
        delegate.removeContext(context);
    }

    @Override
    public InetSocketAddress getAddress() {
        return delegate.getAddress();
    }

    @Override
    public void setHttpsConfigurator(HttpsConfigurator configurator) {
        delegate.setHttpsConfigurator(configurator);
    }

    @Override
    public HttpsConfigurator getHttpsConfigurator() {
        return delegate.getHttpsConfigurator();
    }
}
