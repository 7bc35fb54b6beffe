package dev.respawn.reloader.restart;

import java.lang.reflect.Field;

/** Exceptions kept for later, told to forget the classes of the frames they were made in. */
final class StackTraces {

    private static final Field BACKTRACE = throwableField("backtrace");

    private StackTraces() {
    }

    /**
     * Keeps the stack trace (its elements hold names, not classes, once made) and drops the
     * JVM's raw backtrace, which holds the classes of the frames (and so their loaders).
     */
    static void detach(Throwable throwable) {
        if (BACKTRACE == null) {
            return;
        }
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = throwable; t != null && seen.add(t); t = t.getCause()) {
            t.getStackTrace();
            try {
                BACKTRACE.set(t, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Best effort.
            }
        }
    }

    private static Field throwableField(String name) {
        try {
            Field field = Throwable.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
