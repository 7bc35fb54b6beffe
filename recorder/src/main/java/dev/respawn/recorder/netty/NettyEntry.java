package dev.respawn.recorder.netty;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.inject.ClassInjector;

/**
 * Where the inlined {@link NettyAdvice} calls in: recognises Netty's HTTP server codecs by class
 * (they, or a subclass, as Vert.x has), and hands them to the {@link PipelineRecorder} defined in
 * the codec's class loader; keeps every failure of ours away from the application's channel.
 */
public final class NettyEntry {

    private static final String HTTP = "io.netty.handler.codec.http.";
    private static final ClassInjector INJECTOR = new ClassInjector("dev/respawn/recorder/netty/handler/",
            "dev/respawn/recorder/netty/injected/",
            List.of("Connection", "Messages", "RequestRecorder", "ResponseRecorder", "RecordingHandler",
                    "NettyPipelineRecorder"));
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** The part a handler class plays in HTTP, 0 for none. */
    private static final ClassValue<Integer> ROLES = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return role(type);
        }
    };

    /** The recorder for a codec class's Netty, or empty when it cannot have one. */
    private static final ClassValue<Optional<PipelineRecorder>> RECORDERS = new ClassValue<>() {
        @Override
        protected Optional<PipelineRecorder> computeValue(Class<?> codec) {
            try {
                Class<?> type = INJECTOR.load(codec.getClassLoader(), "NettyPipelineRecorder");
                return Optional.of((PipelineRecorder) type.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                warn(e);
                return Optional.empty();
            }
        }
    };

    private NettyEntry() {
    }

    public static void added(Object pipeline, Object handler) {
        Recorder recorder = Recorder.active();
        if (recorder == null || handler == null) {
            return;
        }
        int role = ROLES.get(handler.getClass());
        if (role == 0) {
            return;
        }
        try {
            RECORDERS.get(handler.getClass()).ifPresent(r -> r.codecAdded(pipeline, handler, role, recorder));
        } catch (Throwable t) {
            warn(t);
        }
    }

    static int role(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            switch (c.getName()) {
                case HTTP + "HttpServerCodec":
                    return PipelineRecorder.BOTH;
                case HTTP + "HttpRequestDecoder":
                    return PipelineRecorder.REQUESTS;
                case HTTP + "HttpResponseEncoder":
                    return PipelineRecorder.RESPONSES;
                default:
                    break;
            }
        }
        return 0;
    }

    private static void warn(Throwable t) {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("respawn: the recorder cannot record this Netty server's requests (" + t
                    + "); the application goes on without it");
        }
    }
}
