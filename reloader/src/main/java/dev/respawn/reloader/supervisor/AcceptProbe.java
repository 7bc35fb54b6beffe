package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.respawn.reloader.ports.AcceptedConnections;

/**
 * Tells whether an application that listens on its ports also takes connections on them: a server
 * can bind its port well before it accepts (Spring Boot's Tomcat binds, then starts its acceptor,
 * seconds apart on a busy machine), and "restarted in" is to mean the application serves. One
 * connection per port, from the supervisor on loopback, sends nothing and is closed once the
 * server has accepted it, so no request reaches the application, its recorder or its log.
 */
final class AcceptProbe implements AutoCloseable {

    private static final Duration CONNECT = Duration.ofSeconds(1);
    /** How long one look waits for an accept that is on its way (an acceptor thread's turn). */
    private static final Duration SPIN = Duration.ofMillis(20);
    /** A connection the kernel never lists (another network namespace) cannot be judged: trusted after this. */
    private static final Duration UNLISTED = Duration.ofSeconds(2);

    private final Map<Integer, Probe> pending = new HashMap<>();
    private final Set<Integer> accepted = new HashSet<>();

    private record Probe(Socket socket, long openedNanos) {
    }

    /** Whether every one of {@code ports} has accepted a connection (or cannot be probed on loopback). */
    boolean accepting(Set<Integer> ports) {
        long spinUntil = System.nanoTime() + SPIN.toNanos();
        while (true) {
            boolean all = true;
            for (int port : ports) {
                all &= accepted(port);
            }
            if (all || System.nanoTime() > spinUntil) {
                return all;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private boolean accepted(int port) {
        if (accepted.contains(port)) {
            return true;
        }
        Probe probe = pending.get(port);
        if (probe == null) {
            Optional<Socket> socket;
            try {
                socket = connect(port);
            } catch (SocketTimeoutException e) {
                return false; // its queue is full: nothing accepts yet
            }
            if (socket.isEmpty()) {
                accepted.add(port); // not on loopback: the listening socket is all there is to go by
                return true;
            }
            probe = new Probe(socket.get(), System.nanoTime());
            pending.put(port, probe);
        }
        Optional<Boolean> answer = AcceptedConnections.accepted(port, probe.socket().getLocalPort());
        boolean done = answer.orElse(System.nanoTime() - probe.openedNanos() > UNLISTED.toNanos());
        if (done) {
            accepted.add(port);
            close(pending.remove(port).socket());
        }
        return done;
    }

    /** A connection to the port on loopback; empty when nothing there takes connections on loopback. */
    private static Optional<Socket> connect(int port) throws SocketTimeoutException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) CONNECT.toMillis());
            return Optional.of(socket);
        } catch (SocketTimeoutException e) {
            close(socket);
            throw e;
        } catch (IOException e) {
            close(socket);
            return Optional.empty();
        }
    }

    /**
     * Closed with a reset, not a FIN: no TIME_WAIT is left for a minute on the application's port,
     * where the recorder's watch for unrecorded ports would take it for a client it did not see.
     */
    private static void close(Socket socket) {
        try {
            if (socket.isConnected()) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException e) {
            // Closing a probe that was never used: nothing to keep.
        }
    }

    @Override
    public void close() {
        pending.values().forEach(probe -> close(probe.socket()));
        pending.clear();
    }
}
