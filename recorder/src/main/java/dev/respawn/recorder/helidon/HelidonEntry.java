package dev.respawn.recorder.helidon;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Where the inlined {@link HelidonAdvice} calls in: hands a routed request to the
 * {@link RequestRecorder} defined in its Helidon's loader, binds the routing thread to the
 * exchange meanwhile, and keeps every failure of ours away from the request.
 */
public final class HelidonEntry {

    /** The seam, compiled against stand-ins, is defined under Helidon's own names (see the stub package). */
    private static final String STUB = "dev/respawn/recorder/helidon/stub/";
    static final String HANDLER = "dev/respawn/recorder/helidon/handler/";
    static final List<String> CLASSES = List.of("HelidonRequestRecorder", "HelidonRequestRecorder$RecordedResponse",
            "HelidonRequestRecorder$Origin");
    static final ClassInjector INJECTOR = new ClassInjector(HANDLER, "dev/respawn/recorder/helidon/injected/", CLASSES,
            Map.of(STUB + "http/", "io/helidon/http/", STUB + "webserver/", "io/helidon/webserver/http/",
                    STUB + "uri/", "io/helidon/common/uri/", STUB + "socket/", "io/helidon/common/socket/"));
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    /** The response whose body {@link #sent} took, until Helidon has laid it out ({@link #buffered}). */
    private static final ThreadLocal<SentBody> PENDING = new ThreadLocal<>();

    private static final ClassValue<Optional<RequestRecorder>> RECORDERS = new ClassValue<>() {
        @Override
        protected Optional<RequestRecorder> computeValue(Class<?> request) {
            try {
                Class<?> type = INJECTOR.load(request.getClassLoader(), "HelidonRequestRecorder");
                return Optional.of((RequestRecorder) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                warn(e);
                return Optional.empty();
            }
        }
    };

    private HelidonEntry() {
    }

    /** Whether the thread was bound to an exchange, which {@link #exit} then unbinds. */
    public static boolean enter(Object request, Object response) {
        Recorder recorder = Recorder.active();
        if (recorder == null || request == null || response == null || recorder.serving()) {
            return false;
        }
        try {
            Optional<RequestRecorder> requests = RECORDERS.get(request.getClass());
            if (requests.isEmpty()) {
                return false;
            }
            Exchange exchange = requests.get().enter(request, response, recorder);
            recorder.bind(exchange);
            return true;
        } catch (Throwable t) {
            warn(t);
            return false;
        }
    }

    /**
     * Whether {@code filter}, a response's whole stream filter, is the recorder's own: it then
     * records the body sent in one piece, and the caller takes it off.
     */
    public static boolean sent(Object filter, byte[] bytes, int offset, int length) {
        if (filter instanceof SentBody body) {
            body.sent(bytes, offset, length);
            PENDING.set(body);
            return true;
        }
        return false;
    }

    /**
     * Helidon laid out the response whose body {@link #sent} took, and has not written it yet:
     * journals it now ({@code laidOut}) or forgets it (Helidon refused to send it; its own end
     * then finishes the exchange as it stands).
     */
    public static void buffered(boolean laidOut) {
        SentBody body = PENDING.get();
        if (body != null) {
            PENDING.set(null);
            if (laidOut) {
                body.buffered();
            }
        }
    }

    public static void exit(boolean bound) {
        Recorder recorder = Recorder.active();
        if (bound && recorder != null) {
            recorder.unbind();
        }
    }

    /** Says once that requests go unrecorded, and why; the seam's own failures come here too. */
    public static void warn(Throwable t) {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("respawn: the recorder cannot record this Helidon server's requests (" + t
                    + "); the application goes on without it");
        }
    }
}
