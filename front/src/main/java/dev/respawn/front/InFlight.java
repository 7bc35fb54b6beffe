package dev.respawn.front;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The requests the front has forwarded to the application and not yet answered in full, so that a
 * restart can wait for them before it stops the worker (a server without a graceful stop, as
 * Vert.x's, drops them). An event stream the application has begun is not waited for: it may
 * never end, and a reload ends it as the application would ({@link WorkerProxy#answerFailure}).
 */
final class InFlight {

    /** How often a wait looks again at answers that may have become event streams meanwhile. */
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Set<Tracked> open = ConcurrentHashMap.newKeySet();
    private final Object answered = new Object();
    private volatile boolean waiting;

    /**
     * {@code callback}, which also counts {@code response}'s request as answered once it completes.
     * A request that asks for an event stream alone (an {@code EventSource}'s) is not waited for even
     * before its answer begins: an application may hold the headers until its first event.
     */
    Callback track(Request request, Response response, Callback callback) {
        boolean asksForStream = asksForEventStreamOnly(request.getHeaders().getValuesList(HttpHeader.ACCEPT));
        return track(callback, () -> asksForStream || isEventStreamUnderWay(response));
    }

    /** Whether every media type of the {@code Accept} header's values is {@code text/event-stream}. */
    static boolean asksForEventStreamOnly(java.util.List<String> accept) {
        boolean any = false;
        for (String value : accept) {
            for (String type : value.split(",")) {
                String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                if (!bare.isEmpty() && !bare.equals("text/event-stream")) {
                    return false;
                }
                any |= !bare.isEmpty();
            }
        }
        return any;
    }

    /** The same, for an answer that {@code endless} says is an event stream under way (tests). */
    Callback track(Callback callback, BooleanSupplier endless) {
        Tracked tracked = new Tracked(callback, endless);
        open.add(tracked);
        return tracked;
    }

    /** No longer counts {@code tracked}, which will not complete (its request was answered another way). */
    void forget(Callback tracked) {
        if (tracked instanceof Tracked known) {
            done(known);
        }
    }

    private static boolean isEventStreamUnderWay(Response response) {
        if (!response.isCommitted()) {
            return false;
        }
        // Once committed, the headers no longer change under this other thread.
        String type = response.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    /**
     * Waits until every request tracked now or later is answered (event streams under way aside),
     * for at most {@code bound}.
     *
     * @return how many were still unanswered when the bound ran out, or 0
     */
    int awaitAnswered(Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        waiting = true;
        try {
            synchronized (answered) {
                while (true) {
                    int unanswered = unanswered();
                    long left = deadline - System.nanoTime();
                    if (unanswered == 0 || left <= 0) {
                        return unanswered;
                    }
                    TimeUnit.NANOSECONDS.timedWait(answered, Math.min(left, LOOK_AGAIN_NANOS));
                }
            }
        } finally {
            waiting = false;
        }
    }

    /** How many requests are forwarded and not answered, event streams under way aside. */
    int unanswered() {
        int count = 0;
        for (Tracked tracked : open) {
            if (!tracked.endless.getAsBoolean()) {
                count++;
            }
        }
        return count;
    }

    private void done(Tracked tracked) {
        if (open.remove(tracked) && waiting) {
            synchronized (answered) {
                answered.notifyAll();
            }
        }
    }

    private final class Tracked extends Callback.Nested {

        private final BooleanSupplier endless;

        Tracked(Callback callback, BooleanSupplier endless) {
            super(callback);
            this.endless = endless;
        }

        @Override
        public void succeeded() {
            done(this);
            super.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            done(this);
            super.failed(failure);
        }
    }
}
