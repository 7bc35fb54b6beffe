package dev.respawn.recorder.undertow;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Where the inlined {@link UndertowAdvice} calls in: binds the thread to the exchange while the
 * root handler runs, and keeps every failure of ours away from the request.
 */
public final class UndertowEntry {

    private static final ClassInjector INJECTOR = new ClassInjector("dev/respawn/recorder/undertow/handler/",
            "dev/respawn/recorder/undertow/injected/",
            List.of("Buffers", "RecordingSource", "RecordingSink", "RecordingResponse", "UndertowExchangeRecorder"));
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final ClassValue<Optional<ExchangeRecorder>> RECORDERS = new ClassValue<>() {
        @Override
        protected Optional<ExchangeRecorder> computeValue(Class<?> exchange) {
            try {
                Class<?> type = INJECTOR.load(exchange.getClassLoader(), "UndertowExchangeRecorder");
                return Optional.of((ExchangeRecorder) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                warn(e);
                return Optional.empty();
            }
        }
    };

    private UndertowEntry() {
    }

    /** Whether the thread was bound to an exchange, which {@link #exit} then unbinds. */
    public static boolean enter(Object exchange) {
        Recorder recorder = Recorder.active();
        if (recorder == null || exchange == null) {
            return false;
        }
        try {
            Optional<ExchangeRecorder> exchanges = RECORDERS.get(exchange.getClass());
            Exchange recorded = exchanges.isEmpty() ? null : exchanges.get().enter(exchange, recorder);
            if (recorded == null) {
                return false;
            }
            recorder.bind(recorded);
            return true;
        } catch (Throwable t) {
            warn(t);
            return false;
        }
    }

    public static void exit(boolean bound) {
        Recorder recorder = Recorder.active();
        if (bound && recorder != null) {
            recorder.unbind();
        }
    }

    private static void warn(Throwable t) {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("respawn: the recorder cannot record this Undertow server's requests (" + t
                    + "); the application goes on without it");
        }
    }
}
