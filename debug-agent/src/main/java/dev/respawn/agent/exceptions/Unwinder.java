package dev.respawn.agent.exceptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows exceptions through application frames, one {@link Unwinding} per thread, captures
 * each frame on the way, and hands the exception to the {@link Reporter} once, when it leaves
 * the outermost application frame (into a framework, a server, or the end of its thread).
 */
final class Unwinder {

    private static final String OURS = Unwinder.class.getPackageName() + ".";

    private final ThreadLocal<Unwinding> threads = ThreadLocal.withInitial(Unwinding::new);
    /** Class references, because newer JDKs answer {@code getDescriptor()} only with them. */
    private final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private final AppClasses app;
    private final ValueRenderer renderer;
    private final Reporter reporter;
    private final SecretNames secretNames;
    private final AtomicBoolean failedOnce = new AtomicBoolean();

    Unwinder(AppClasses app, ValueRenderer renderer, Reporter reporter, SecretNames secretNames) {
        this.secretNames = secretNames;
        this.app = app;
        this.renderer = renderer;
        this.reporter = reporter;
    }

    /**
     * @param parameterNames the method's parameter names, comma-separated
     * @param signature its parameter types, {@code (java.lang.String,int)}
     */
    void exited(Class<?> type, String method, String parameterNames, String signature, Object self,
            Object[] arguments, Throwable thrown) {
        Unwinding unwinding = threads.get();
        String className = type.getName();
        unwinding.passing(thrown, className, method, reporter::wouldWrite);
        StackTraceElement at = unwinding.locate(className, method);
        if (unwinding.wantsFrame()) {
            for (Object argument : arguments) {
                unwinding.argument(argument);
                unwinding.secrets(RequestSecrets.of(argument, secretNames));
            }
            unwinding.add(capture(className, method, at, parameterNames, signature, self, arguments, thrown));
        }
        if (!hasApplicationCaller()) {
            threads.remove();
            reporter.report(unwinding, thrown, Thread.currentThread());
        }
    }

    /** Says once that capture failed; the application is not told, and goes on. */
    void failed(Throwable t) {
        if (failedOnce.compareAndSet(false, true)) {
            System.err.println("respawn: exception capture failed (" + t + "); the application goes on, and this"
                    + " is not said again");
        }
    }

    /**
     * Whether an application frame waits further up the stack for the exception: the frames
     * below ours are this class's, the recorder's, then the exiting method itself (the advice is
     * inlined in it). The walk stops at the first application frame, so it is short.
     */
    private boolean hasApplicationCaller() {
        return walker.walk(frames -> frames.dropWhile(f -> f.getClassName().startsWith(OURS))
                .skip(1)
                .anyMatch(app::isApplicationFrame));
    }

    private CapturedFrame capture(String className, String method, StackTraceElement at, String parameterNames,
            String signature, Object self, Object[] arguments, Throwable thrown) {
        String[] names = parameterNames.isEmpty() ? new String[0] : parameterNames.split(",");
        String inside = signature.length() > 2 ? signature.substring(1, signature.length() - 1) : "";
        String[] types = inside.isEmpty() ? new String[0] : inside.split(",");
        List<CapturedFrame.Value> values = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            values.add(value(i < names.length ? names[i] : "arg" + i, i < types.length ? types[i] : null,
                    arguments[i]));
        }
        List<CapturedFrame.Value> fields = new ArrayList<>();
        if (self != null) {
            for (var field : renderer.fields(self)) {
                fields.add(new CapturedFrame.Value(field.getKey(), null, field.getValue()));
            }
        }
        return new CapturedFrame(className, method, at == null ? null : at.getFileName(),
                at == null ? -1 : at.getLineNumber(), thrown.getClass().getName(), values,
                self == null ? null : ValueRenderer.identity(self), fields, null);
    }

    /** The type is the declared one for a primitive (not its box), else the value's own class. */
    private CapturedFrame.Value value(String name, String declared, Object value) {
        boolean primitive = declared != null && !declared.contains(".") && !declared.endsWith("]");
        String type = primitive ? declared : value == null ? null : value.getClass().getTypeName();
        return new CapturedFrame.Value(name, type, renderer.render(value));
    }
}
