package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The shutdown hooks registered with {@code Runtime.addShutdownHook}, read from the JDK's own
 * registry (opened to respawn by the agent), and the application's run the way the JVM runs them
 * on exit: all started at once, then awaited.
 */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** Every application shutdown hook registered now (none once the JVM is shutting down). */
    static Set<Thread> registered() {
        try {
            Class<?> registry = Class.forName("java.lang.ApplicationShutdownHooks");
            Field hooks = registry.getDeclaredField("hooks");
            hooks.setAccessible(true);
            synchronized (registry) {
                Object map = hooks.get(null);
                Set<Thread> copy = Collections.newSetFromMap(new IdentityHashMap<>());
                if (map != null) {
                    copy.addAll(((Map<?, ?>) map).keySet().stream().map(Thread.class::cast).toList());
                }
                return copy;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the JVM's shutdown hooks cannot be read (" + e + ")", e);
        }
    }

    /**
     * Whether the hook's code was loaded by {@code loader}: the application's own hook, as opposed
     * to one a library in a jar registers once per JVM (a logging system's, say), which must stay
     * for the JVM's real exit.
     */
    static boolean runsCodeOf(Thread hook, ClassLoader loader) {
        if (hook.getClass().getClassLoader() == loader) {
            return true;
        }
        Object task = task(hook);
        return task != null && task.getClass().getClassLoader() == loader;
    }

    /** The Runnable a Thread was made with: {@code target} up to Java 17, {@code holder.task} since. */
    private static Object task(Thread thread) {
        try {
            Field target = Thread.class.getDeclaredField("target");
            target.setAccessible(true);
            return target.get(thread);
        } catch (NoSuchFieldException e) {
            try {
                Field holder = Thread.class.getDeclaredField("holder");
                holder.setAccessible(true);
                Object fields = holder.get(thread);
                Field task = fields.getClass().getDeclaredField("task");
                task.setAccessible(true);
                return task.get(fields);
            } catch (ReflectiveOperationException | RuntimeException inner) {
                return null;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Takes {@code hooks} out of the JVM's registry and runs them, waiting until {@code deadline}
     * ({@link System#nanoTime()}).
     *
     * @return empty when each ended without an exception, else what went wrong
     */
    static Optional<String> run(Set<Thread> hooks, long deadline) {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> started = new ArrayList<>();
        for (Thread hook : hooks) {
            try {
                if (!Runtime.getRuntime().removeShutdownHook(hook)) {
                    continue;
                }
            } catch (IllegalStateException e) {
                return Optional.of("the JVM is shutting down");
            }
            Thread.UncaughtExceptionHandler fallback = hook.getUncaughtExceptionHandler();
            hook.setUncaughtExceptionHandler((thread, failure) -> {
                failures.add("shutdown hook '" + thread.getName() + "' failed: " + failure);
                fallback.uncaughtException(thread, failure);
            });
            hook.start();
            started.add(hook);
        }
        for (Thread hook : started) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    hook.join(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
            if (hook.isAlive()) {
                return Optional.of("shutdown hook '" + hook.getName() + "' did not finish in time");
            }
        }
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }
}
