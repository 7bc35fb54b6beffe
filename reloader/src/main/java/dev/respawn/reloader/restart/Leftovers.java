package dev.respawn.reloader.restart;

import java.beans.Introspector;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;

/**
 * What a stopped life leaves in the objects that outlive it (the JDK's and the jars' classes,
 * threads that go on), cleared so that its class loader can be collected and the next life
 * starts as a new JVM would: JDBC drivers, {@code Introspector} and resource bundle caches,
 * Spring's static caches, thread context class loaders and ThreadLocal values of surviving
 * threads.
 */
final class Leftovers {

    private static final String[] SPRING_CACHES = {
        "org.springframework.core.ResolvableType",
        "org.springframework.util.ReflectionUtils",
        "org.springframework.core.annotation.AnnotationUtils",
    };

    private Leftovers() {
    }

    /** Clears what must be cleared before the next life starts. */
    static void clear(Life life) {
        RestartLoader dropped = life.loader();
        ClassLoader base = dropped.getParent();
        restoreDrivers(life.driversAtStop(), dropped);
        Introspector.flushCaches();
        ResourceBundle.clearCache(dropped);
        clearSpringCaches(dropped, base);
        for (Thread thread : Threads.all()) {
            ThreadState.clear(thread, dropped);
            ThreadLocals.clear(thread, dropped);
        }
        // Hooks that libraries register once per JVM, made on a thread of the dropped life.
        ShutdownHooks.registered().forEach(hook -> ThreadState.clear(hook, dropped));
        try {
            dropped.close();
        } catch (java.io.IOException e) {
            // Only folders: nothing held open.
        }
    }

    /**
     * Clears what jar classes the dropped life used first keep in static fields from that first
     * use: Threads made for later (H2's database closer) and exceptions made in advance (H2's,
     * Netty's), whose stack traces hold the life's classes. Slow for a large application's first
     * life (it looks at each class's fields), so it runs after the next life has started.
     */
    static void clearStatics(ClassLoader dropped, List<Class<?>> firstUsed) {
        for (Class<?> type : firstUsed) {
            for (Object value : staticValues(type)) {
                if (value instanceof Thread thread) {
                    ThreadState.clear(thread, dropped);
                } else if (value instanceof Throwable throwable) {
                    StackTraces.detach(throwable);
                }
            }
        }
    }

    /** The values of the class's static fields declared as a Thread or a Throwable. */
    private static List<Object> staticValues(Class<?> type) {
        List<Object> values = new java.util.ArrayList<>();
        try {
            for (Field field : type.getDeclaredFields()) {
                Class<?> declared = field.getType();
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers())
                        && (Thread.class.isAssignableFrom(declared) || Throwable.class.isAssignableFrom(declared))
                        && field.trySetAccessible()) {
                    Object value = field.get(null);
                    if (value != null) {
                        values.add(value);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // A class we cannot look into keeps what it keeps.
        }
        return values;
    }

    /** Exceptions kept for later, told to forget the classes of the frames they were made in. */
    static final class StackTraces {

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

    /**
     * Drivers in jars register once per JVM, from their static initializer; an application that
     * deregisters them as it stops (as web applications are told to) would find none in its next
     * life, so they are registered again.
     */
    private static void restoreDrivers(List<Driver> atStop, ClassLoader dropped) {
        List<Driver> now = Collections.list(DriverManager.getDrivers());
        for (Driver driver : atStop) {
            if (!within(driver.getClass().getClassLoader(), dropped) && now.stream().noneMatch(registered -> registered == driver)) {
                try {
                    DriverManager.registerDriver(driver);
                } catch (SQLException e) {
                    // DriverManager declares it, never throws it for a driver it can hold.
                }
            }
        }
    }

    private static void clearSpringCaches(ClassLoader dropped, ClassLoader base) {
        for (String name : SPRING_CACHES) {
            try {
                Class.forName(name, false, base).getMethod("clearCache").invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Not Spring, or not this version: nothing to clear.
            }
        }
        try {
            Class.forName("org.springframework.beans.CachedIntrospectionResults", false, base)
                    .getMethod("clearClassLoader", ClassLoader.class).invoke(null, dropped);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // Not Spring.
        }
    }

    /**
     * Whether {@code loader} is the dropped one or a child of it (a web application's loader made
     * by an embedded server, say).
     */
    static boolean within(ClassLoader loader, ClassLoader dropped) {
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l == dropped) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a thread took from the thread that made it: its context class loader and, up to Java
     * 23, the protection domains on that thread's stack, each holding its class loader.
     */
    static final class ThreadState {

        private static final Field INHERITED_CONTEXT = field("inheritedAccessControlContext");
        private static final Field CONTEXT_DOMAINS = contextDomains();

        private ThreadState() {
        }

        static void clear(Thread thread, ClassLoader dropped) {
            if (within(thread.getContextClassLoader(), dropped)) {
                thread.setContextClassLoader(dropped.getParent());
            }
            if (INHERITED_CONTEXT == null || CONTEXT_DOMAINS == null) {
                return;
            }
            try {
                Object context = INHERITED_CONTEXT.get(thread);
                Object[] domains = context == null ? null : (Object[]) CONTEXT_DOMAINS.get(context);
                if (domains != null && java.util.Arrays.stream(domains).anyMatch(domain -> domain != null
                        && within(((java.security.ProtectionDomain) domain).getClassLoader(), dropped))) {
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

    /** ThreadLocal values of a surviving thread that belong to the dropped life. */
    static final class ThreadLocals {

        private static final Field[] MAPS;
        private static final Field TABLE;
        private static final Field VALUE;

        static {
            Field[] maps = null;
            Field table = null;
            Field value = null;
            try {
                maps = new Field[] {Thread.class.getDeclaredField("threadLocals"),
                    Thread.class.getDeclaredField("inheritableThreadLocals")};
                table = Class.forName("java.lang.ThreadLocal$ThreadLocalMap").getDeclaredField("table");
                value = Class.forName("java.lang.ThreadLocal$ThreadLocalMap$Entry").getDeclaredField("value");
                for (Field field : maps) {
                    field.setAccessible(true);
                }
                table.setAccessible(true);
                value.setAccessible(true);
            } catch (ReflectiveOperationException | RuntimeException e) {
                maps = null;
            }
            MAPS = maps;
            TABLE = table;
            VALUE = value;
        }

        private ThreadLocals() {
        }

        static void clear(Thread thread, ClassLoader dropped) {
            if (MAPS == null) {
                return;
            }
            try {
                for (Field field : MAPS) {
                    Object map = field.get(thread);
                    Object[] entries = map == null ? null : (Object[]) TABLE.get(map);
                    if (entries == null) {
                        continue;
                    }
                    for (Object entry : entries) {
                        if (entry == null) {
                            continue;
                        }
                        Reference<?> key = (Reference<?>) entry;
                        if (belongs(key.get(), dropped) || belongs(VALUE.get(entry), dropped)) {
                            // A cleared key makes the entry stale: the owner never sees it again.
                            key.clear();
                            VALUE.set(entry, null);
                        }
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Best effort: the loader may then stay in memory a while longer.
            }
        }

        private static boolean belongs(Object object, ClassLoader dropped) {
            if (object == null) {
                return false;
            }
            Class<?> type = object instanceof Class<?> c ? c : object.getClass();
            return within(type.getClassLoader(), dropped) || object instanceof ClassLoader l && within(l, dropped);
        }
    }
}
