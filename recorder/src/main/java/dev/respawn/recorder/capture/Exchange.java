package dev.respawn.recorder.capture;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One exchange while the server handles it: the request as it arrived, and both bodies as they
 * stream; finished exactly once, however many of the server's paths (stream closed, handler
 * returned, async completed) report its end.
 */
public final class Exchange {

    private final Recorder recorder;
    private final String id;
    private final Instant started;
    private final long startNanos;
    private final BodyCapture requestBody;
    private final BodyCapture responseBody;
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile String method = "";
    private volatile String url = "";
    private volatile String httpVersion = "HTTP/1.1";
    private volatile List<Header> requestHeaders = List.of();

    Exchange(Recorder recorder, String id, Instant started, long startNanos, long bodyLimit) {
        this.recorder = recorder;
        this.id = id;
        this.started = started;
        this.startNanos = startNanos;
        this.requestBody = new BodyCapture(bodyLimit);
        this.responseBody = new BodyCapture(bodyLimit);
    }

    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }

    /** The request line and headers, taken as the server hands the request over. */
    public void request(String method, String url, String httpVersion, List<Header> headers) {
        this.method = method;
        this.url = url;
        this.httpVersion = httpVersion;
        this.requestHeaders = List.copyOf(headers);
    }

    public BodyCapture requestBody() {
        return requestBody;
    }

    public BodyCapture responseBody() {
        return responseBody;
    }

    public boolean isFinished() {
        return finished.get();
    }

    /** Ends the exchange with its response and journals it; only the first call counts. */
    public boolean finish(int status, List<Header> responseHeaders) {
        return end(status, responseHeaders, null);
    }

    /**
     * Ends an exchange whose response never completed, because {@code cause} ended its handler
     * first; journals it as such, so that it is not mistaken for what the client received.
     */
    public boolean abort(int status, List<Header> responseHeaders, Throwable cause) {
        return end(status, responseHeaders, "the response never completed: " + cause);
    }

    private boolean end(int status, List<Header> responseHeaders, String error) {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        double millis = (recorder.nanoTime() - startNanos) / 1_000_000.0;
        Redactor redactor = recorder.redactor();
        recorder.journal(new RecordedExchange(id, recorder.pid(), started, millis, method, url, httpVersion,
                redactor.redact(requestHeaders), requestBody.body(), status, redactor.redact(responseHeaders),
                responseBody.body(), error));
        return true;
    }
}
