package dev.respawn.front;

import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One WebSocket through the front: the client's session (the front's server side) and the
 * application's (the front's client side), each frame handed to the other side as it comes, the next
 * read only once it is sent, so a slow side holds the other back instead of filling the supervisor's
 * memory. Pings and pongs pass as any frame, so the application answers the client's pings itself.
 * The first close, from either side, is passed to the other side with its code, except that the
 * client is told 1012 (service restart) when the application closes or drops the socket while a
 * reload stops it; a side that drops without a close closes the other with a code saying why: 1014
 * (bad gateway) when the application dropped it outside a reload, 1001 to the application when the
 * client went away.
 */
final class WebSocketBridge {

    private static final CloseStatus RESTART = new CloseStatus(CloseStatus.SERVICE_RESTART,
            "respawn restarted the application");

    private final Side client = new Side(true);
    private final Side worker = new Side(false);
    private final LongSupplier reloads;
    private final BooleanSupplier reloading;
    private final long reloadsAtOpen;
    private final Set<WebSocketBridge> open;
    private int opened;
    private boolean closing;

    /**
     * @param reloads how many reloads have begun
     * @param reloading whether one runs now
     */
    WebSocketBridge(LongSupplier reloads, BooleanSupplier reloading, Set<WebSocketBridge> open) {
        this.reloads = reloads;
        this.reloading = reloading;
        this.reloadsAtOpen = reloads.getAsLong();
        this.open = open;
    }

    FrameHandler client() {
        return client;
    }

    FrameHandler worker() {
        return worker;
    }

    /** Whether the application it reaches was started before reload number {@code reloads} began. */
    boolean openedBefore(long reloads) {
        return reloadsAtOpen < reloads;
    }

    /** The application it reached is gone (a restart): the client is told to come back. */
    void restarted() {
        if (startClosing()) {
            close(client.session, RESTART);
            close(worker.session, new CloseStatus(CloseStatus.SHUTDOWN, "respawn restarted the application"));
        }
    }

    /** Before the supervisor stops. */
    void stopping() {
        if (startClosing()) {
            close(client.session, new CloseStatus(CloseStatus.SHUTDOWN, "respawn is stopping"));
            close(worker.session, new CloseStatus(CloseStatus.SHUTDOWN, "respawn is stopping"));
        }
    }

    private synchronized boolean startClosing() {
        boolean first = !closing;
        closing = true;
        return first;
    }

    private static void close(CoreSession session, CloseStatus status) {
        if (session != null && session.isOutputOpen()) {
            session.close(status, Callback.NOOP);
        }
    }

    /** What the other side is told when one side ends without a close handshake. */
    private CloseStatus dropped(Side side) {
        if (side == client) {
            return new CloseStatus(CloseStatus.SHUTDOWN, "the client went away");
        }
        return reloading.getAsBoolean() || reloads.getAsLong() != reloadsAtOpen
                ? RESTART
                : new CloseStatus(CloseStatus.BAD_GATEWAY, "the application dropped the connection");
    }

    private void opened(Side side, CoreSession session) {
        boolean both;
        boolean gone;
        synchronized (this) {
            side.session = session;
            both = ++opened == 2;
            gone = closing;
        }
        if (!both) {
            return;
        }
        // The application's side opened first (the client's upgrade waits for it) and has read
        // nothing yet: now both may, unless the application went away meanwhile.
        if (gone || !worker.session.isOutputOpen()) {
            close(client.session, dropped(worker));
            return;
        }
        open.add(this);
        client.session.demand();
        worker.session.demand();
    }

    /** A side ended: unless a close handshake or the supervisor began it, the other side is told why. */
    private void closed(Side side) {
        open.remove(this);
        if (startClosing()) {
            close((side == client ? worker : client).session, dropped(side));
        }
    }

    /** One side of the bridge: what it receives goes out on the other side. */
    private final class Side implements FrameHandler {

        private final boolean isClient;
        private volatile CoreSession session;

        Side(boolean isClient) {
            this.isClient = isClient;
        }

        private Side other() {
            return isClient ? worker : client;
        }

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            callback.succeeded();
            opened(this, coreSession);
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            if (frame.getOpCode() == OpCode.CLOSE) {
                if (startClosing()) {
                    // Once this callback succeeds, this side answers the close with the same code,
                    // as the other side will. An application that closes its sockets as a reload
                    // stops it (Vert.x says 1000) would tell its clients not to come back.
                    passClose(!isClient && reloading.getAsBoolean() ? RESTART : CloseStatus.getCloseStatus(frame));
                }
                callback.succeeded();
                return;
            }
            CoreSession from = session;
            other().session.sendFrame(frame, Callback.from(() -> {
                callback.succeeded();
                from.demand();
            }, callback::failed), false);
        }

        private void passClose(CloseStatus status) {
            CoreSession to = other().session;
            if (!to.isOutputOpen()) {
                return;
            }
            if (CloseStatus.isTransmittableStatusCode(status.getCode())) {
                to.close(status, Callback.NOOP);
            } else {
                to.close(Callback.NOOP);
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            // onClosed follows, with the status this failure gave.
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            callback.succeeded();
            closed(this);
        }

        @Override
        public String toString() {
            return isClient ? "client side" : "application side";
        }
    }
}
