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
            List.of("RecordingRequest", "RecordingResponse", "RecordingCallback", "JettyHandlerRecorder"));
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

    public static Object[] enter(Object request, Object response, Object callback) {
        Recorder recorder = Recorder.active();
        if (recorder == null || request == null || response == null || callback == null || recorder.serving()) {
            return null;
        }
        try {
            Optional<HandlerRecorder> handlers = RECORDERS.get(request.getClass());
            Object[] state = handlers.isEmpty() ? null : handlers.get().enter(request, response, callback, recorder);
            if (state == null) {
                return null;
            }
            recorder.bind((Exchange) state[3]);
            return new Object[] {state[0], state[1], state[2], state, handlers.get(), recorder};
        } catch (Throwable t) {
            warn(t);
            return null;
        }
    }

    public static void exit(Object[] state, boolean handled, Throwable thrown) {
        if (state == null) {
            return;
        }
        try {
            ((Recorder) state[5]).unbind();
            ((HandlerRecorder) state[4]).exit((Object[]) state[3], handled, thrown);
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
