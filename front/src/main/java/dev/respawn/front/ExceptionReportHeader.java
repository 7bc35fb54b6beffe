package dev.respawn.front;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Names, in a 5xx answer, the exception report that was written while the application served the
 * request ({@value #HEADER}), so that an API client or a browser's network tab leads to it. The
 * worker writes a report just after the exception, so a 5xx waits for it up to {@link #PATIENCE},
 * on a thread of the pool: the proxy hands the answer on from the thread that reads it, which
 * must not wait.
 */
final class ExceptionReportHeader extends Response.Wrapper {

    static final String HEADER = "X-Respawn-Exception";
    /** File times have a coarse grain on some file systems; a report a moment older still counts. */
    private static final long SLACK_MILLIS = 5;
    /** The worker writes reports on a thread of their own, just after the exception: worth a short wait. */
    private static final Duration PATIENCE = Duration.ofMillis(250);
    private static final Duration POLL = Duration.ofMillis(10);

    private final Path folder;
    private final long sentMillis;
    private final Executor executor;
    private boolean decided;

    private ExceptionReportHeader(Request request, Response response, Path folder, Executor executor) {
        super(request, response);
        this.folder = folder;
        this.executor = executor;
        this.sentMillis = System.currentTimeMillis();
    }

    /** The response and the callback to hand the proxy for {@code request}. */
    static ScriptInjection.Wrapped wrap(Request request, Response response, Callback callback, Path folder,
            Executor executor) {
        ExceptionReportHeader header = new ExceptionReportHeader(request, response, folder, executor);
        return new ScriptInjection.Wrapped(header, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                // An answer with no body: its headers go out only now.
                header.decided(super::succeeded);
            }
        });
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        decided(() -> super.write(last, content, callback));
    }

    /** Runs {@code then} once the header is decided: at once, or after the wait on a thread of the pool. */
    private void decided(Runnable then) {
        if (decided || getStatus() < 500 || isCommitted()) {
            decided = true;
            then.run();
            return;
        }
        decided = true;
        executor.execute(() -> {
            awaitReport();
            then.run();
        });
    }

    private void awaitReport() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Optional<Path> report = newestSince(sentMillis - SLACK_MILLIS);
        while (report.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            report = newestSince(sentMillis - SLACK_MILLIS);
        }
        report.ifPresent(file -> getHeaders().put(HEADER, file.toString()));
    }

    /**
     * The newest report's JSON file: the worker writes the text twin first, and the JSON (its first
     * of a JVM took 300 ms more on a busy machine) just after, so the text one names it too.
     */
    private Optional<Path> newestSince(long millis) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")
                    || file.getFileName().toString().endsWith(".txt"))
                    .filter(file -> modified(file) >= millis)
                    .max(Comparator.comparingLong(ExceptionReportHeader::modified))
                    .map(file -> file.resolveSibling(file.getFileName().toString().replaceFirst("\\.txt$", ".json")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
