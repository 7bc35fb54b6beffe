package dev.respawn.front;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * One connection to the application, paired with one client's connection to the front, which
 * carries that client's requests without a body one at a time: Jetty's {@link HttpGenerator}
 * writes each request and Jetty's {@link HttpParser} reads the answer, which is handed on to the
 * client's response as it arrives, the next piece read only once the client took the last one (so
 * a large or endless answer holds one buffer). Jetty's HttpClient did the same through a pool,
 * request and listener objects per request: most of the front's own time per request.
 */
final class Upstream extends AbstractConnection.NonBlocking {

    private static final int IDLE = 0;
    private static final int WRITING = 1;
    private static final int WRITTEN = 2;
    private static final int WAITING = 3;

    private final long reloads;
    private final int port;
    private final UpstreamAnswer answer = new UpstreamAnswer();
    private final HttpGenerator generator = new HttpGenerator();
    private final ByteBuffer header = BufferUtil.allocateDirect(8192);
    private final ByteBuffer input = BufferUtil.allocateDirect(16384);
    private final AtomicInteger writeState = new AtomicInteger(IDLE);
    // Nothing here waits: the answer is read and handed on by the thread that saw it come (a selector's),
    // as a hand-over to another thread costs, on two cores, about what forwarding does.
    private final Callback written = Callback.from(InvocationType.NON_BLOCKING, this::written, this::failed);
    private final Callback sent = Callback.from(InvocationType.NON_BLOCKING, this::interested, this::failed);
    private final Exchange first;
    private final java.util.function.Consumer<Upstream> opened;
    private volatile Exchange exchange;
    private boolean closed;

    /**
     * @param reloads the reloads begun when it connected: a connection from before a reload is never reused
     * @param first the request it was opened for, sent once it is open, after {@code opened} was told
     */
    Upstream(EndPoint endPoint, Executor executor, long reloads, int port, Exchange first,
            java.util.function.Consumer<Upstream> opened) {
        super(endPoint, executor);
        endPoint.setIdleTimeout(Front.IDLE.toMillis());
        this.reloads = reloads;
        this.port = port;
        this.first = first;
        this.opened = opened;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        opened.accept(this);
        send(first);
    }

    /** Whether the next request of its client may go over it to the application on {@code port}. */
    boolean reusable(long currentReloads, int currentPort) {
        return !closed && exchange == null && reloads == currentReloads && port == currentPort && getEndPoint().isOpen();
    }

    /** Sends {@code next} to the application, and hands its answer on once it comes. */
    void send(Exchange next) {
        exchange = next;
        answer.reset(next);
        generator.reset();
        try {
            MetaData.Request info = new MetaData.Request(next.request().getMethod(), next.target(), HttpVersion.HTTP_1_1,
                    next.headers(), 0);
            BufferUtil.clear(header);
            HttpGenerator.Result result = generator.generateRequest(info, header, null, null, true);
            if (result != HttpGenerator.Result.FLUSH) {
                throw new IllegalStateException("the request's headers do not fit in " + header.capacity() + " bytes");
            }
            getEndPoint().write(sent, header);
        } catch (Throwable x) {
            failed(x);
        }
    }

    @Override
    public void onFillable() {
        process();
    }

    /** Reads and hands on the answer until the client must take a piece first, or the application must send more. */
    private void process() {
        try {
            while (true) {
                if (exchange == null) {
                    idleRead();
                    return;
                }
                // Also with nothing new to read: the end of an answer whose length is known shows only here.
                answer.parse(input);
                if (answer.failure() != null) {
                    failed(answer.failure());
                    return;
                }
                int interim = answer.interimStatus();
                if (interim != 0) {
                    HttpFields fields = answer.takeInterim();
                    writeState.set(WRITING);
                    exchange.response().writeInterim(interim, fields)
                            .whenComplete((done, x) -> {
                                if (x == null) {
                                    written.succeeded();
                                } else {
                                    written.failed(x);
                                }
                            });
                    if (writeState.compareAndSet(WRITING, WAITING)) {
                        return;
                    }
                    writeState.set(IDLE);
                    continue;
                }
                ByteBuffer piece = answer.takeContent();
                if (piece != null) {
                    writeState.set(WRITING);
                    exchange.response().write(answer.lastContent(), piece, written);
                    if (writeState.compareAndSet(WRITING, WAITING)) {
                        // The client takes it later; written() goes on from there.
                        return;
                    }
                    writeState.set(IDLE);
                    continue;
                }
                if (answer.complete()) {
                    finish();
                    return;
                }
                if (input.hasRemaining()) {
                    continue;
                }
                if (answer.isAtEOF()) {
                    failed(new EOFException());
                    return;
                }
                BufferUtil.clear(input);
                int read = getEndPoint().fill(input);
                if (read == 0) {
                    interested();
                    return;
                }
                if (read < 0) {
                    answer.atEOF();
                }
            }
        } catch (Throwable x) {
            failed(x);
        }
    }

    /**
     * Reads once the application sends: an idle connection is already waiting for that (to see
     * it closed), and the answer to the next request arrives through that same wait.
     */
    private void interested() {
        if (!isFillInterested()) {
            try {
                fillInterested();
            } catch (java.nio.channels.ReadPendingException alreadyWaiting) {
                // The idle wait was registered meanwhile: it reads the answer.
            }
        }
    }

    private void written() {
        if (writeState.compareAndSet(WRITING, WRITTEN)) {
            return;
        }
        writeState.set(IDLE);
        process();
    }

    /** An idle connection that became readable: the application closed it (or sent what nobody asked for). */
    private void idleRead() throws java.io.IOException {
        BufferUtil.clear(input);
        if (getEndPoint().fill(input) == 0) {
            interested();
            return;
        }
        BufferUtil.clear(input);
        close();
    }

    private void finish() {
        Exchange done = exchange;
        boolean keep = answer.persistent() && !input.hasRemaining();
        exchange = null;
        if (keep) {
            // Noticed at once when the application closes it while idle.
            interested();
        } else {
            close();
        }
        if (answer.bodilessWithoutLength() && !done.response().isCommitted()) {
            // Committed before it ends, as Jetty would otherwise say Content-Length: 0 for the application.
            done.response().write(false, BufferUtil.EMPTY_BUFFER, done.callback());
            return;
        }
        done.callback().succeeded();
    }

    private void failed(Throwable x) {
        Exchange failedOne = exchange;
        exchange = null;
        close();
        if (failedOne != null) {
            failedOne.failed(x);
        }
    }

    @Override
    public void close() {
        closed = true;
        super.close();
    }

    @Override
    public void onClose(Throwable cause) {
        closed = true;
        super.onClose(cause);
        Exchange failedOne = exchange;
        exchange = null;
        if (failedOne != null) {
            failedOne.failed(cause == null ? new EOFException() : cause);
        }
    }

    @Override
    public boolean onIdleExpired(java.util.concurrent.TimeoutException timeout) {
        return true;
    }
}
