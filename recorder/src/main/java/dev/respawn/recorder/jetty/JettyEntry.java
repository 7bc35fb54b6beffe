package dev.respawn.recorder.jetty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Where the inlined {@link JettyAdvice} calls in: binds the thread to the exchange while the
 * server's handlers run, and keeps every failure of ours away from the request.
 */
public final class JettyEntry {

    private static final ClassInjector INJECTOR = new ClassInjector("dev/respawn/recorder/jetty/handler/",
            "dev/respawn/recorder/jetty/injected/",
            List.of("RecordingRequest", "RecordingStream", "JettyHandlerRecorder"));
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private static final ClassValue<Optional<HandlerRecorder>> RECORDERS = new ClassValue<>() {
        @Override
        protected Optional<HandlerRecorder> computeValue(Class<?> request) {
            try {
                Class<?> type = INJECTOR.load(request.getClassLoader(), "JettyHandlerRecorder");
                return Optional.of((HandlerRecorder) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                warn(e);
                return Optional.empty();
            }
        }
    };

    private JettyEntry() {
    }

    /** The recording request to hand the Handlers, and what {@link #exit} needs; null when not recording. */
    public static Object[] enter(Object request) {
        Recorder recorder = Recorder.active();
        if (recorder == null || request == null || recorder.serving()) {
            return null;
        }
        try {
            Optional<HandlerRecorder> handlers = RECORDERS.get(request.getClass());
            Object[] state = handlers.isEmpty() ? null : handlers.get().enter(request, recorder);
            if (state == null) {
                return null;
            }
            recorder.bind((Exchange) state[1]);
            return new Object[] {state[0], recorder};
        } catch (Throwable t) {
            warn(t);
            return null;
        }
    }

    /** The server's handle returned or threw; the exchange goes on until Jetty has sent its response. */
    public static void exit(Object[] state) {
        if (state == null) {
            return;
        }
        try {
            ((Recorder) state[1]).unbind();
        } catch (Throwable t) {
            warn(t);
        }
    }

    private static void warn(Throwable t) {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("respawn: the recorder cannot record this Jetty server's requests (" + t
                    + "); the application goes on without it");
        }
    }
}
