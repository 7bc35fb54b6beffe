package dev.respawn.front;

import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The front's threads, which go back to reading a client's connection on the thread that finished
 * the answer, not on another one.
 *
 * <p>Jetty resumes a connection whose answer completed after its handler returned (every forwarded
 * answer does: it arrives later, from the application) by handing the connection to the pool.
 * Each such hand-over wakes a thread, and on a developer's two cores that cost a fifth of the
 * front's time per request. Reading the connection again, right where the answer completed, does
 * what the woken thread would do: read what the client sent next, if anything, and forward it,
 * which never blocks (see {@link OffSelector}). Once per thread at a time: a resumption that would
 * nest in another goes to the pool as Jetty intends.
 */
final class FrontThreads extends QueuedThreadPool {

    private static final ThreadLocal<Boolean> RESUMING = ThreadLocal.withInitial(() -> false);

    FrontThreads() {
        super(200, 4);
        // Forwarding runs on the selectors' threads: threads kept spinning for hand-overs would
        // take a developer's cores from the application.
        setReservedThreads(0);
        setName("respawn-front");
        setDaemon(true);
    }

    @Override
    public void execute(Runnable job) {
        if (!(job instanceof HttpConnection) || RESUMING.get()) {
            super.execute(job);
            return;
        }
        RESUMING.set(true);
        try {
            job.run();
        } finally {
            RESUMING.set(false);
        }
    }
}
