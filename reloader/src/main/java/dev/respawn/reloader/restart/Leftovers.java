package dev.respawn.reloader.restart;

import java.beans.Introspector;
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
        // The life's main thread has ended, but something may still hold it: a debugger agent
        // (JDWP) keeps the JVM's own main thread, the first life's, for as long as the JVM runs.
        Thread main = life.mainThread();
        if (main != null) {
            ThreadState.clear(main, dropped);
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
     * Netty's), whose stack traces hold the life's classes; the caches the jars keep in static
     * fields ({@link StaticCaches}) and the class loaders their long-lived objects took from the
     * life ({@link LoaderFields}). Slow for a large application's first
     * life (it looks at each class's fields), so it runs after the next life has started.
     */
    static void clearStatics(ClassLoader dropped, List<Class<?>> firstUsed, StaticCaches caches) {
        caches.add(firstUsed);
        caches.clear(dropped);
        LoaderFields.repoint(LoaderFields.staticValues(firstUsed), dropped);
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
}
