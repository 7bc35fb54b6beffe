package dev.respawn.reloader.restart;

import java.lang.reflect.Field;

/**
 * What a thread took from the thread that made it: its context class loader and, up to Java
 * 23, the protection domains on that thread's stack, each holding its class loader.
 */
final class ThreadState {

    private static final Field INHERITED_CONTEXT = field("inheritedAccessControlContext");
    private static final Field CONTEXT_DOMAINS = contextDomains();

    private ThreadState() {
    }

    static void clear(Thread thread, ClassLoader dropped) {
        if (Leftovers.within(thread.getContextClassLoader(), dropped)) {
            thread.setContextClassLoader(dropped.getParent());
        }
        if (INHERITED_CONTEXT == null || CONTEXT_DOMAINS == null) {
            return;
        }
        try {
            Object context = INHERITED_CONTEXT.get(thread);
            Object[] domains = context == null ? null : (Object[]) CONTEXT_DOMAINS.get(context);
            if (domains != null && java.util.Arrays.stream(domains).anyMatch(domain -> domain != null
                    && Leftovers.within(((java.security.ProtectionDomain) domain).getClassLoader(), dropped))) {
                INHERITED_CONTEXT.set(thread, noDomains());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Best effort.
        }
    }

    @SuppressWarnings("removal")
    private static Object noDomains() {
        return new java.security.AccessControlContext(new java.security.ProtectionDomain[0]);
    }

    private static Field field(String name) {
        try {
            Field field = Thread.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Field contextDomains() {
        try {
            Field field = Class.forName("java.security.AccessControlContext").getDeclaredField("context");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
