package dev.respawn.agent.exceptions;

/**
 * The one class application code calls into, from the advice inlined in its methods: a static
 * door to the {@link Unwinder} installed by the agent. It is public because the advice runs
 * inside application classes, in their class loaders; it does nothing until installed, and
 * never lets a failure of its own reach the application.
 */
public final class ExceptionRecorder {

    private static volatile Unwinder unwinder;

    /** Set while this thread is inside the recorder, so that nothing it touches records again. */
    private static final ThreadLocal<Boolean> BUSY = new ThreadLocal<>();

    private ExceptionRecorder() {
    }

    static void install(Unwinder installed) {
        unwinder = installed;
    }

    /** An application method is ending because {@code thrown} is passing through it. */
    public static void exited(Class<?> type, String method, String parameterNames, String signature, Object self,
            Object[] arguments, Throwable thrown) {
        Unwinder current = unwinder;
        if (current == null || BUSY.get() != null) {
            return;
        }
        BUSY.set(Boolean.TRUE);
        try {
            current.exited(type, method, parameterNames, signature, self, arguments, thrown);
        } catch (Throwable t) {
            current.failed(t);
        } finally {
            BUSY.remove();
        }
    }
}
