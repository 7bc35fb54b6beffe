package dev.respawn.front;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The front's listening connector, whose one selector also watches the front's own connections to
 * the application ({@link Upstream}): a client's request and the application's answer to it are
 * then seen by one thread, which sleeps in one epoll wait for both. With a selector of their own,
 * each answer woke a second thread, and each client connection that went back to reading had to
 * wake the first: on a developer's two cores, shared with the client and the application, those
 * wake-ups cost about what the forwarding does.
 */
final class FrontConnector extends ServerConnector {

    /** A connection to the application being opened: what to make of it once open, or whom to tell it failed. */
    interface Opening {

        Connection open(EndPoint endPoint, Executor executor);

        void failed(Throwable failure);
    }

    FrontConnector(Server server, ConnectionFactory... factories) {
        super(server, 1, 1, factories);
    }

    /** Opens a connection to {@code address} on this connector's selector. */
    void connect(InetSocketAddress address, Opening opening) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            if (channel.connect(address)) {
                getSelectorManager().accept(channel, opening);
            } else {
                getSelectorManager().connect(channel, opening);
            }
        } catch (IOException | RuntimeException failure) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Failed already; the opening hears why.
                }
            }
            opening.failed(failure);
        }
    }

    @Override
    protected SelectorManager newSelectorManager(Executor executor, Scheduler scheduler, int selectors) {
        return new ServerConnectorManager(executor, scheduler, selectors) {
            @Override
            public Connection newConnection(SelectableChannel channel, EndPoint endPoint, Object attachment)
                    throws IOException {
                if (attachment instanceof Opening opening) {
                    return opening.open(endPoint, getExecutor());
                }
                return super.newConnection(channel, endPoint, attachment);
            }

            @Override
            protected void connectionFailed(SelectableChannel channel, Throwable failure, Object attachment) {
                if (attachment instanceof Opening opening) {
                    opening.failed(failure);
                    return;
                }
                super.connectionFailed(channel, failure, attachment);
            }
        };
    }
}
