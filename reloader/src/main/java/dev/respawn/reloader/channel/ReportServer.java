package dev.respawn.reloader.channel;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.respawn.reloader.loopback.Admission;
import dev.respawn.reloader.loopback.BoundedLines;

/**
 * The supervisor's end of the report channel: listens on loopback only, and hears only agents
 * that first say the secret it gave their worker's environment.
 *
 * <p>Any local user can connect: connections that have not said the secret are capped in number
 * (past the cap, the longest-waiting one is closed) and given a few seconds to say it, and every
 * line is bounded in length; a client that breaks these rules is disconnected, and the channel
 * goes on.
 */
public final class ReportServer implements Closeable {

    /** How long a new connection has to say the secret: an agent says it at once. */
    static final int HELLO_TIMEOUT_MILLIS = 5_000;
    /** Connections that have not said the secret yet; more are closed at once. */
    static final int MAX_UNAUTHENTICATED = 16;
    /** The longest line: a class's name and three paths. */
    static final int MAX_LINE = 64 * 1024;

    private final Admission admission = new Admission(MAX_UNAUTHENTICATED);
    private final ServerSocket server;
    private final String token;
    private final WorkerReportListener listener;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Map<Long, WorkerLink> links = new ConcurrentHashMap<>();

    public ReportServer(WorkerReportListener listener) throws IOException {
        this.listener = listener;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        Thread accept = new Thread(this::acceptLoop, "respawn-reports");
        accept.setDaemon(true);
        accept.start();
    }

    /** The variables that tell a worker's agent where and how to report. */
    public Map<String, String> environment() {
        return Map.of(ReportProtocol.PORT_VARIABLE, Integer.toString(server.getLocalPort()),
                ReportProtocol.TOKEN_VARIABLE, token);
    }

    /** The variable that makes a worker wait before {@code main} until {@link WorkerLink#go()}. */
    public static Map<String, String> warmEnvironment() {
        return Map.of(ReportProtocol.WARM_VARIABLE, Long.toString(ProcessHandle.current().pid()));
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                admission.enter(socket);
                Thread reader = new Thread(() -> read(socket), "respawn-report-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket socket) {
        connections.add(socket);
        try (socket) {
            socket.setSoTimeout(HELLO_TIMEOUT_MILLIS);
            BoundedLines in = new BoundedLines(socket.getInputStream(), MAX_LINE);
            String hello = in.readLine();
            String[] fields = hello == null ? new String[0] : hello.split("\t");
            if (fields.length != 3 || !fields[0].equals("hello") || !sameSecret(fields[1])) {
                return;
            }
            long pid = Long.parseLong(fields[2]);
            // A worker's agent: it may be quiet for hours, and is not counted against strangers.
            socket.setSoTimeout(0);
            admission.leave(socket);
            WorkerLink link = new WorkerLink(socket);
            links.put(pid, link);
            listener.connected(pid);
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    ReportProtocol.dispatch(line, listener, link, pid);
                }
            } finally {
                links.remove(pid, link);
                link.closed();
            }
        } catch (IOException | RuntimeException e) {
            // A worker that went away mid-line has nothing more to say.
        } finally {
            connections.remove(socket);
            admission.leave(socket);
        }
    }

    /** The line to the worker with this pid, once its agent has connected. */
    public java.util.Optional<WorkerLink> link(long pid) {
        return java.util.Optional.ofNullable(links.get(pid));
    }

    private boolean sameSecret(String offered) {
        return MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : connections) {
            socket.close();
        }
    }
}
