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
 * registry (opened to respawn by the agent), and those of a life run the way the JVM runs them
 * on exit: all started at once, then awaited.
 */
public final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** Every application shutdown hook registered now (none once the JVM is shutting down). */
    static Set<Thread> registered() {
        Class<?> registry = registry();
        synchronized (registry) {
            Set<Thread> copy = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Thread> live = live();
            if (live != null) {
                copy.addAll(live);
            }
            return copy;
        }
    }

    /** Whether the JVM is shutting down (its hooks running, or done): no hook can be added any more. */
    public static boolean jvmShuttingDown() {
        synchronized (registry()) {
            return live() == null;
        }
    }

    /**
     * The JDK's own set of application shutdown hooks ({@code java.lang} opened to respawn), live:
     * the set the JVM starts and awaits at its exit, when it drops its field to the set, not the
     * set; null if the JVM is already shutting down.
     */
    @SuppressWarnings("unchecked")
    public static Set<Thread> live() {
        try {
            Field hooks = registry().getDeclaredField("hooks");
            hooks.setAccessible(true);
            Object map = hooks.get(null);
            return map == null ? null : ((Map<Thread, ?>) map).keySet();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("the JVM's shutdown hooks cannot be read (" + e + ")", e);
        }
    }

    private static Class<?> registry() {
        try {
            return Class.forName("java.lang.ApplicationShutdownHooks");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the JVM's shutdown hooks cannot be read (" + e + ")", e);
        }
    }

    /**
     * Logging systems, whose hooks flush and close what every later life logs through: registered
     * once per JVM (the first life's), they must stay for the JVM's real exit.
     */
    private static final List<String> ONCE_PER_JVM = List.of("org.apache.logging.", "ch.qos.logback.",
            "org.slf4j.", "org.jboss.logging.", "org.jboss.logmanager.", "io.helidon.logging.",
            "org.springframework.boot.", "java.", "jdk.", "sun.");

    /**
     * Whether the hook stops something of the life registered in: the application's own hook, or a
     * library's (Jetty's stop-at-shutdown, Micronaut's, Helidon's), but not a logging system's or
     * the JDK's, which stop what the JVM keeps for every life. Decided by the classes of the hook
     * and of the task it runs.
     */
    static boolean stopsTheLife(Thread hook, ClassLoader loader) {
        Object task = Threads.task(hook);
        Class<?> code = task != null && hook.getClass() == Thread.class ? task.getClass() : hook.getClass();
        if (Leftovers.within(code.getClassLoader(), loader)) {
            return true;
        }
        if (code.getClassLoader() == null || code.getClassLoader() == ClassLoader.getPlatformClassLoader()) {
            return false;
        }
        if (code.getProtectionDomain().getCodeSource() != null
                && code.getProtectionDomain().getCodeSource().equals(ShutdownHooks.class.getProtectionDomain().getCodeSource())) {
            return false; // respawn's own
        }
        String name = code.getName();
        return ONCE_PER_JVM.stream().noneMatch(name::startsWith);
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
            // Its run() on a thread of ours, never the hook itself started: a library that
            // registers the same Thread again later (Jetty's ShutdownThread) must be able to, and
            // a started Thread cannot be started again at the JVM's exit.
            Thread runner = new Thread(() -> {
                try {
                    hook.run();
                } catch (RuntimeException | Error failure) {
                    failures.add("shutdown hook '" + hook.getName() + "' failed: " + failure);
                    failure.printStackTrace();
                }
            }, "respawn-hook " + hook.getName());
            runner.setContextClassLoader(hook.getContextClassLoader());
            runner.setDaemon(true);
            runner.start();
            started.add(runner);
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
                return Optional.of("shutdown hook '" + hook.getName().substring("respawn-hook ".length())
                        + "' did not finish in time");
            }
        }
        return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
    }
}
