package dev.respawn.agent.exceptions;

import java.time.Clock;
import java.util.List;

import dev.respawn.reloader.context.RequestContext;

/**
 * Turns an exception that left the application into a report, within the rate limit; the
 * report is taken on the application's thread (values change once it goes on) and written on
 * the writer's.
 */
final class Reporter {

    private final RateLimit limit;
    private final ReportWriter writer;
    private final Clock clock;
    private final LocalsMerge locals;
    private final RequestContext requests;
    private final Redaction redaction;

    /**
     * @param locals where the supervisor leaves the frames' locals, or null without {@code --capture-locals}
     * @param requests the request the recorder sees the thread serving, cited (with its HAR id) in preference
     *        to one found among the frames' arguments
     */
    Reporter(RateLimit limit, ReportWriter writer, Clock clock, LocalsMerge locals, RequestContext requests,
            Redaction redaction) {
        this.redaction = redaction;
        this.limit = limit;
        this.writer = writer;
        this.clock = clock;
        this.locals = locals;
        this.requests = requests;
    }

    boolean wouldWrite(String site) {
        return limit.wouldAllow(site);
    }

    void report(Unwinding unwinding, Throwable leaving, Thread thread) {
        RateLimit.Decision decision = limit.acquire(unwinding.site());
        if (!decision.write()) {
            if (decision.firstRefused()) {
                writer.say("respawn: " + unwinding.site() + " again: more reports from one place than the rate"
                        + " limit allows; counting them, the count goes in the next report");
            }
            return;
        }
        List<CapturedFrame> frames = List.copyOf(unwinding.frames());
        if (locals != null) {
            frames = locals.merge(unwinding.site(), frames, thread.getId());
        }
        frames = redaction.frames(frames, unwinding.secrets());
        RequestLine request = requests.current()
                .map(current -> new RequestLine(current.method(), current.url(), current.id()))
                .orElse(unwinding.request());
        writer.submit(new ExceptionReport(clock.instant(), thread.getName(), thread.getId(), request,
                unwinding.site(), decision.notWrittenBefore(),
                redaction.description(ThrowableDescription.of(leaving), unwinding.secrets()),
                frames, unwinding.framesOmitted()));
    }
}
