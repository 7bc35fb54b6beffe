package dev.respawn.reloader.loopback;

import java.io.IOException;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A cap on the connections a loopback channel holds before they have said its secret: any local
 * user can connect, so one who opens hundreds of idle connections must not cost the channel a
 * thread each. Past the cap, the connection that has waited longest is closed to make room: a
 * stranger who keeps connections open cannot lock out respawn's own client, which says the
 * secret at once.
 */
public final class Admission {

    private final int places;
    private final Deque<Socket> waiting = new ArrayDeque<>();

    public Admission(int places) {
        if (places < 1) {
            throw new IllegalArgumentException("'places' must be 1 or more, not " + places);
        }
        this.places = places;
    }

    /** Admits a new connection, closing the longest-waiting one if every place is taken. */
    public void enter(Socket socket) {
        Socket evicted = null;
        synchronized (this) {
            if (waiting.size() >= places) {
                evicted = waiting.removeFirst();
            }
            waiting.addLast(socket);
        }
        if (evicted != null) {
            try {
                evicted.close();
            } catch (IOException e) {
                // Gone already.
            }
        }
    }

    /** Gives the place back, once the connection said the secret or was closed. */
    public synchronized void leave(Socket socket) {
        waiting.remove(socket);
    }

    /** Connections waiting now (for tests). */
    public synchronized int waiting() {
        return waiting.size();
    }
}
