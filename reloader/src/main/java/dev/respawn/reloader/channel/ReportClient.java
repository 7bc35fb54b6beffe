package dev.respawn.reloader.channel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.respawn.reloader.tracking.ClassOrigin;
import dev.respawn.reloader.tracking.TrackingListener;

/**
 * The agent's end of the report channel: sends what the tracker learns, and notices when the
 * supervisor is gone so that no worker outlives it.
 */
public final class ReportClient implements TrackingListener, AutoCloseable {

    private final Socket socket;
    private final Writer out;
    private volatile boolean closed;

    private ReportClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** Connects when the environment names a supervisor; empty when run without one. */
    public static Optional<ReportClient> fromEnvironment(Map<String, String> environment) throws IOException {
        String port = environment.get(ReportProtocol.PORT_VARIABLE);
        String token = environment.get(ReportProtocol.TOKEN_VARIABLE);
        if (port == null || token == null) {
            return Optional.empty();
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port));
        socket.setTcpNoDelay(true);
        ReportClient client = new ReportClient(socket);
        client.send(ReportProtocol.hello(token, ProcessHandle.current().pid()));
        return Optional.of(client);
    }

    /** Runs {@code onSupervisorGone} (on a daemon thread) when the supervisor closes the channel. */
    public void onSupervisorGone(Runnable onSupervisorGone) {
        Thread watch = new Thread(() -> {
            try (InputStream in = socket.getInputStream()) {
                while (in.read() >= 0) {
                    // The supervisor sends nothing; reading only waits for the end.
                }
            } catch (IOException e) {
                // Same as the end of the stream.
            }
            if (!closed) {
                onSupervisorGone.run();
            }
        }, "respawn-supervisor-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Closes the channel, as this JVM ends; the supervisor is not told anything by it. */
    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }

    @Override
    public void root(Path root, boolean directory) {
        send(ReportProtocol.root(root, directory));
    }

    @Override
    public void loaded(ClassOrigin origin) {
        send(ReportProtocol.loaded(origin));
    }

    private synchronized void send(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // The supervisor is gone; onSupervisorGone deals with that.
        }
    }
}
