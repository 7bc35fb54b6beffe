package dev.respawn.agent.exceptions;

import java.time.Instant;
import java.util.List;

/**
 * Everything one report says about an exception that left the application.
 *
 * @param time when it left the outermost application frame
 * @param thread the thread's name
 * @param threadId the thread's id
 * @param request the HTTP request in progress, or null
 * @param site where it was thrown, the key of the rate limit
 * @param notWrittenBefore exceptions at the same site counted but not written since the last report
 * @param exception the exception chain as it left the application
 * @param frames the application frames it passed through, innermost first
 * @param framesOmitted application frames passed but not captured
 */
record ExceptionReport(Instant time, String thread, long threadId, RequestLine request, String site,
        long notWrittenBefore, ThrowableDescription exception, List<CapturedFrame> frames, int framesOmitted) {

    /** The frame the exception was thrown in (or first passed), or null. */
    CapturedFrame origin() {
        return frames.isEmpty() ? null : frames.get(0);
    }
}
