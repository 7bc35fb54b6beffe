package dev.respawn.recorder.capture;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.context.RequestListener;

/**
 * Starts exchanges, knows which one each thread serves, and hands finished ones to the journal.
 *
 * <p>The server hooks reach the recorder through {@link #active()}: the JDK instantiates our
 * {@code HttpServerProvider} by name, and servlet advice is inlined into the server's classes, so
 * neither can be handed an instance. Nothing else uses that static.
 */
public final class Recorder implements RequestContext {

    private static volatile Recorder active;

    private final long bodyLimit;
    private final Redactor redactor;
    private final Consumer<RecordedExchange> journal;
    private final Clock clock;
    private final long pid;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final ThreadLocal<Exchange> current = new ThreadLocal<>();
    private final AtomicBoolean journalFailed = new AtomicBoolean();
    /** Replaced whole when one joins (rarely), read on every request without an iterator. */
    private volatile RequestListener[] listeners = {};
    private final Set<Integer> ports = ConcurrentHashMap.newKeySet();
    /** The port last added to {@link #ports}: most servers have one, and it need not be looked up again. */
    private int lastPort;

    public Recorder(long bodyLimit, Redactor redactor, Consumer<RecordedExchange> journal, Clock clock, long pid) {
        if (redactor == null || journal == null || clock == null) {
            throw new IllegalArgumentException("'redactor', 'journal' and 'clock' must not be null");
        }
        this.bodyLimit = bodyLimit;
        this.redactor = redactor;
        this.journal = journal;
        this.clock = clock;
        this.pid = pid;
    }

    /** The recorder the server hooks report to, or null when recording is off. */
    public static Recorder active() {
        return active;
    }

    public static void activate(Recorder recorder) {
        active = recorder;
    }

    /** A new exchange, started now, on a connection to the server's {@code localPort} (0 if unknown). */
    public Exchange begin(int localPort) {
        if (localPort > 0 && localPort != lastPort) {
            ports.add(localPort); // a boxed port per request cost more than the rest of begin
            lastPort = localPort;
        }
        return begin();
    }

    /** The ports of this JVM on which some request was recorded. */
    public Set<Integer> servedPorts() {
        return Set.copyOf(ports);
    }

    /** A new exchange, started now. */
    public Exchange begin() {
        inFlight.incrementAndGet();
        return new Exchange(this, pid + "-" + sequence.incrementAndGet(), clock.instant(), System.nanoTime(), bodyLimit);
    }

    /** Marks the calling thread as serving {@code exchange} until {@link #unbind()}. */
    public void bind(Exchange exchange) {
        current.set(exchange);
        for (RequestListener listener : listeners) {
            listener.entered();
        }
    }

    public void unbind() {
        current.set(null); // cheaper than remove(), and the thread will serve again
        for (RequestListener listener : listeners) {
            listener.left();
        }
    }

    /**
     * Whether the calling thread already serves a recorded exchange: a server's servlet layer
     * (Undertow's, Jetty's) runs inside its core, which records the exchange whole.
     */
    public boolean serving() {
        return current.get() != null;
    }

    /** The exchange the calling thread serves, or null. */
    public Exchange exchange() {
        return current.get();
    }

    @Override
    public synchronized void listen(RequestListener listener) {
        RequestListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        listeners = more;
    }

    @Override
    public Optional<CurrentRequest> current() {
        Exchange exchange = current.get();
        return exchange == null ? Optional.empty()
                : Optional.of(new CurrentRequest(exchange.id(), exchange.method(), exchange.url()));
    }

    /**
     * Waits, at most {@code timeout}, for the exchanges in flight to finish: a worker told to stop
     * may be between sending a response and journaling it.
     */
    public void awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    long pid() {
        return pid;
    }

    long nanoTime() {
        return System.nanoTime();
    }

    Redactor redactor() {
        return redactor;
    }

    /** Never lets a full disk or a bug of ours reach the application's request. */
    void journal(RecordedExchange exchange) {
        inFlight.decrementAndGet();
        try {
            journal.accept(exchange);
        } catch (RuntimeException | Error e) {
            if (journalFailed.compareAndSet(false, true)) {
                System.err.println("respawn: the recorder could not write an exchange (" + e
                        + "); the application goes on, exchanges may be missing from the recording");
            }
        }
    }
}
