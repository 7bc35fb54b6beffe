package dev.respawn.recorder.servlet;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.respawn.recorder.capture.Recorder;

/**
 * Where the inlined {@link ServletAdvice} calls in: finds, once per servlet API class loader, the
 * wrapper factory defined there, and keeps every failure of ours away from the request.
 */
public final class ServletEntry {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    /** The factory for a request class's servlet API, or empty when it cannot have one. */
    private static final ClassValue<Optional<WrapperFactory>> FACTORIES = new ClassValue<>() {
        @Override
        protected Optional<WrapperFactory> computeValue(Class<?> requestClass) {
            for (String flavor : WrapperInjector.FLAVORS) {
                Class<?> api = find(requestClass, flavor + ".servlet.ServletRequest");
                if (api != null) {
                    return Optional.of(WrapperInjector.factory(api.getClassLoader(), flavor));
                }
            }
            return Optional.empty();
        }
    };

    private ServletEntry() {
    }

    public static Object[] enter(Object request, Object response) {
        Recorder recorder = Recorder.active();
        if (recorder == null || request == null || response == null || recorder.serving()) {
            return null;
        }
        try {
            Optional<WrapperFactory> factory = FACTORIES.get(request.getClass());
            if (factory.isEmpty()) {
                return null;
            }
            Object[] state = factory.get().enter(request, response, recorder);
            return state == null ? null : new Object[] {state[0], state[1], state, factory.get(), recorder};
        } catch (Throwable t) {
            warn(t);
            return null;
        }
    }

    public static void exit(Object[] state, Throwable thrown) {
        if (state == null) {
            return;
        }
        try {
            ((WrapperFactory) state[3]).exit((Object[]) state[2], thrown, (Recorder) state[4]);
        } catch (Throwable t) {
            warn(t);
        }
    }

    private static void warn(Throwable t) {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("respawn: the recorder cannot record this server's requests (" + t
                    + "); the application goes on without it");
        }
    }

    static Class<?> find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return c;
            }
            for (Class<?> implemented : c.getInterfaces()) {
                Class<?> found = find(implemented, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
