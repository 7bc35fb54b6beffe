package dev.respawn.recorder.servlet;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import dev.respawn.recorder.capture.Recorder;

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

    public static void finishing(Object response) {
        if (Recorder.active() == null || response == null) {
            return;
        }
        MethodHandle[] access = ACCESS.get(response.getClass());
        if (access == null) {
            return;
        }
        try {
            Object request = access[0].invoke(response);
            Object pending = request == null ? null : access[1].invoke(request, PENDING);
            if (pending instanceof Runnable) {
                ((Runnable) pending).run();
            }
        } catch (Throwable t) {
            // The exchange stays unjournaled; the application's response is untouched.
        }
    }
}
