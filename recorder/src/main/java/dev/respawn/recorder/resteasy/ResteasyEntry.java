package dev.respawn.recorder.resteasy;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;

/**
 * Where the inlined advice calls in: remembers, per request context, the exchange the creating
 * thread served (weakly: a context forgotten by RESTEasy is forgotten here), and binds a thread to
 * it while it runs the context's handlers.
 */
public final class ResteasyEntry {

    private static final Map<Object, Exchange> EXCHANGES = Collections.synchronizedMap(new WeakHashMap<>());

    private ResteasyEntry() {
    }

    public static void created(Object context) {
        Recorder recorder = Recorder.active();
        Exchange exchange = recorder == null ? null : recorder.exchange();
        if (exchange != null && context != null) {
            EXCHANGES.put(context, exchange);
        }
    }

    /** The recorder, when it bound the calling thread (one that served no request yet); else null. */
    public static Object enter(Object context) {
        Recorder recorder = Recorder.active();
        if (recorder == null || context == null || recorder.serving()) {
            return null;
        }
        Exchange exchange = EXCHANGES.get(context);
        if (exchange == null || exchange.isFinished()) {
            return null;
        }
        recorder.bind(exchange);
        return recorder;
    }

    public static void exit(Object bound) {
        if (bound instanceof Recorder recorder) {
            recorder.unbind();
        }
    }
}
