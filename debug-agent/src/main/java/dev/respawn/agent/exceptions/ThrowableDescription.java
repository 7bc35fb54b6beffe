package dev.respawn.agent.exceptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An exception chain as text, taken when the exception leaves the application: class, message,
 * stack trace, cause and suppressed exceptions, bounded in depth and length and safe against a
 * cause that points back at itself.
 *
 * @param className the throwable's class
 * @param message its message, or null
 * @param stackTrace its stack trace elements, innermost first
 * @param framesOmitted stack trace elements beyond those kept
 * @param cause its cause, or null
 * @param suppressed its suppressed exceptions
 */
record ThrowableDescription(String className, String message, List<String> stackTrace, int framesOmitted,
        ThrowableDescription cause, List<ThrowableDescription> suppressed) {

    static final int MAX_TRACE = 100;
    private static final int MAX_DEPTH = 10;
    private static final int MAX_SUPPRESSED = 10;

    static ThrowableDescription of(Throwable throwable) {
        return of(throwable, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static ThrowableDescription of(Throwable throwable, int depth, Set<Throwable> seen) {
        if (throwable == null || depth > MAX_DEPTH || !seen.add(throwable)) {
            return null;
        }
        StackTraceElement[] trace = throwable.getStackTrace();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(trace.length, MAX_TRACE); i++) {
            lines.add(trace[i].toString());
        }
        List<ThrowableDescription> suppressed = new ArrayList<>();
        for (Throwable s : throwable.getSuppressed()) {
            ThrowableDescription description = suppressed.size() < MAX_SUPPRESSED ? of(s, depth + 1, seen) : null;
            if (description != null) {
                suppressed.add(description);
            }
        }
        return new ThrowableDescription(throwable.getClass().getName(), message(throwable), lines,
                Math.max(0, trace.length - MAX_TRACE), of(throwable.getCause(), depth + 1, seen), suppressed);
    }

    /** The message; an exception class may compute it, and may fail doing so. */
    private static String message(Throwable throwable) {
        try {
            return throwable.getMessage();
        } catch (RuntimeException | LinkageError e) {
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    /** {@code SimpleName: message}, as one line. */
    String headline() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return message == null ? simple : simple + ": " + message.lines().findFirst().orElse("");
    }
}
