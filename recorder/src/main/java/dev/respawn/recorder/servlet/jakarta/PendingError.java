package dev.respawn.recorder.servlet.jakarta;

import java.util.function.Supplier;

import dev.respawn.recorder.capture.Exchange;

/**
 * An exchange whose response is an error page the container has yet to write (after
 * {@code sendError}, or an exception): kept on the request until the error dispatch records the
 * page, or, when the container writes its own page without one, ended as the response finishes.
 */
public final class PendingError implements Runnable, Supplier<Exchange> {

    /** The request attribute it is kept under; {@code FinishedResponses} looks for it by this name. */
    static final String ATTRIBUTE = "dev.respawn.recorder.pending";

    private final RecordingResponse response;

    PendingError(RecordingResponse response) {
        this.response = response;
    }

    RecordingResponse response() {
        return response;
    }

    /** The exchange, for the container's own error report (see {@code ReporterAdvice}). */
    @Override
    public Exchange get() {
        return response.exchange();
    }

    /** The response is finishing with no error dispatch: the exchange ends with what it has. */
    @Override
    public void run() {
        response.finish(null);
    }
}
