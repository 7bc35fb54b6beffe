package dev.respawn.agent.exceptions;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One thread's exception on its way out of the application: the throwable passing now, the
 * frames it passed so far, and where in its stack trace the next frame's line is to be found.
 *
 * <p>A throwable that is not the one being followed, nor wraps it, is a new exception: the one
 * before was caught inside the application and is forgotten, which is how a caught exception
 * gives no report. A throwable that wraps the one followed (as a cause or a suppressed
 * exception) continues its story, so catch-wrap-rethrow gives one report.
 */
final class Unwinding {

    /** Frames beyond this many are counted, not captured (a StackOverflowError passes thousands). */
    static final int MAX_FRAMES = 64;
    private static final int MAX_CHAIN = 32;

    /**
     * Weak: an exception caught inside the application stays here until the thread's next one,
     * and must not keep its class loader alive across an in-JVM restart meanwhile.
     */
    private WeakReference<Throwable> current = new WeakReference<>(null);
    private StackTraceElement[] trace = new StackTraceElement[0];
    private int traceIndex;
    private final List<CapturedFrame> frames = new ArrayList<>();
    private int framesOmitted;
    private String site;
    private boolean quiet;
    private RequestLine request;
    /** The values of the request's secret headers, seen among the frames' arguments. */
    private final Set<String> secrets = new HashSet<>();

    /**
     * Follows {@code thrown} from now on.
     *
     * @param writable whether a report for a site would be written now (a site over its rate
     *     limit is only counted, and its frames are not worth rendering)
     */
    void passing(Throwable thrown, String className, String method, Predicate<String> writable) {
        Throwable followed = current.get();
        if (thrown == followed) {
            return;
        }
        boolean wraps = followed != null && wraps(thrown, followed);
        current = new WeakReference<>(thrown);
        trace = stackTrace(thrown);
        traceIndex = 0;
        if (!wraps) {
            frames.clear();
            framesOmitted = 0;
            request = null;
            secrets.clear();
            site = site(thrown, trace, className, method);
            quiet = !writable.test(site);
        }
    }

    /** Whether this frame's values are worth rendering. */
    boolean wantsFrame() {
        if (quiet || frames.size() >= MAX_FRAMES) {
            framesOmitted++;
            return false;
        }
        return true;
    }

    /** The stack trace element of the frame now exiting: the next one down the trace of its class and method. */
    StackTraceElement locate(String className, String method) {
        for (int i = traceIndex; i < trace.length; i++) {
            StackTraceElement element = trace[i];
            if (element.getMethodName().equals(method) && element.getClassName().equals(className)) {
                traceIndex = i + 1;
                return element;
            }
        }
        return null;
    }

    void add(CapturedFrame frame) {
        frames.add(frame);
    }

    /** Notes the request an argument stands for, the first one found. */
    void argument(Object argument) {
        if (request == null && argument != null && !(argument instanceof String) && !(argument instanceof Number)) {
            request = RequestLine.of(argument);
        }
    }

    void secrets(Collection<String> values) {
        secrets.addAll(values);
    }

    /** The secret values seen so far, to be taken out of the report wherever they appear. */
    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    RequestLine request() {
        return request;
    }

    /** The throwable passing now; strongly held by the frame that is exiting while anyone asks. */
    Throwable current() {
        return current.get();
    }

    String site() {
        return site;
    }

    List<CapturedFrame> frames() {
        return Collections.unmodifiableList(frames);
    }

    int framesOmitted() {
        return framesOmitted;
    }

    /** True when {@code outer} holds {@code inner} among its causes or suppressed exceptions, at any depth. */
    static boolean wraps(Throwable outer, Throwable inner) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(outer));
        while (!todo.isEmpty() && seen.size() < MAX_CHAIN) {
            Throwable t = todo.remove(todo.size() - 1);
            if (t == inner) {
                return true;
            }
            if (t == null || !seen.add(t)) {
                continue;
            }
            todo.add(t.getCause());
            Collections.addAll(todo, t.getSuppressed());
        }
        return false;
    }

    /**
     * Where an exception comes from, for the rate limit: its class and the place it was thrown
     * (the top of its stack trace, or the first application frame when it has none, as the JIT's
     * preallocated exceptions do not).
     */
    static String site(Throwable thrown, StackTraceElement[] trace, String className, String method) {
        String where = trace.length > 0 ? trace[0].getClassName() + "." + trace[0].getMethodName() + ":"
                + trace[0].getLineNumber() : className + "." + method;
        return thrown.getClass().getName() + " at " + where;
    }

    private static StackTraceElement[] stackTrace(Throwable thrown) {
        StackTraceElement[] elements = thrown.getStackTrace();
        return elements == null ? new StackTraceElement[0] : elements;
    }
}
