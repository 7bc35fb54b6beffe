package dev.respawn.recorder.servlet;

import java.io.PrintWriter;
import java.io.Writer;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.TeeWriter;

/**
 * Ends the exchange a finishing Tomcat response still waits for (see {@code PendingError}),
 * found on its request by attribute, through Tomcat's methods looked up once per class.
 */
public final class FinishedResponses {

    private static final String PENDING = "dev.respawn.recorder.pending";

    /** {@code response.getRequest()} then {@code request.getAttribute(String)}, or null where they are missing. */
    private static final ClassValue<MethodHandle[]> ACCESS = new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> response) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodHandle getRequest = lookup.unreflect(response.getMethod("getRequest"));
                MethodHandle getAttribute = lookup.findVirtual(getRequest.type().returnType(), "getAttribute",
                        MethodType.methodType(Object.class, String.class));
                return new MethodHandle[] {getRequest, getAttribute};
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    };

    private FinishedResponses() {
    }

    /**
     * The writer Tomcat reports an error page with, copying into the exchange that waits for that
     * page; {@code writer} itself when none does.
     */
    public static Object reporter(Object response, Object writer) {
        Object pending = writer instanceof Writer ? pending(response) : null;
        if (pending instanceof Supplier<?> && ((Supplier<?>) pending).get() instanceof Exchange exchange) {
            return new PrintWriter(new TeeWriter((Writer) writer, exchange.responseBody(), StandardCharsets.UTF_8,
                    () -> { }));
        }
        return writer;
    }

    private static Object pending(Object response) {
        if (Recorder.active() == null || response == null) {
            return null;
        }
        MethodHandle[] access = ACCESS.get(response.getClass());
        if (access == null) {
            return null;
        }
        try {
            Object request = access[0].invoke(response);
            return request == null ? null : access[1].invoke(request, PENDING);
        } catch (Throwable t) {
            return null;
        }
    }

    public static void finishing(Object response) {
        Object pending = pending(response);
        if (pending instanceof Runnable) {
            ((Runnable) pending).run();
        }
    }
}
