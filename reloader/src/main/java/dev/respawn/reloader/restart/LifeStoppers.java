package dev.respawn.reloader.restart;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How to stop what a life made, highest level first: an application context stops its servers,
 * a server its thread pool, a Vert.x instance its event loops. Each is stopped by its own public
 * API, by name (the libraries are the application's, not respawn's), and only if it still runs,
 * so one already stopped by a shutdown hook or a higher level is left alone. Event loops get no
 * production quiet period, not even those a framework already shuts down with one.
 */
final class LifeStoppers {

    /**
     * One stoppable type: a class whose constructions are recorded, whether an instance runs (a
     * method returning a boolean, or a chain of two no-argument calls, {@code "getState.isAvailable"}),
     * and the methods that stop it, called in turn.
     */
    private record Kind(String type, String running, String stop, String... then) {

        String internalName() {
            return type.replace('.', '/');
        }
    }

    /** In stopping order. */
    private static final List<Kind> KINDS = List.of(
            new Kind("io.micronaut.context.DefaultApplicationContext", "isRunning", "stop"),
            new Kind("io.helidon.webserver.LoomServer", "isRunning", "stop"),
            new Kind("org.eclipse.jetty.server.Server", "isRunning", "stop"),
            // Embedded Tomcat as its guide writes it: no shutdown hook, main waiting in
            // getServer().await(), which only the server's stop ends (not an interrupt); and the
            // connector keeps its port bound until destroy (bindOnInit).
            new Kind("org.apache.catalina.core.StandardServer", "getState.isAvailable", "stop", "destroy"),
            new Kind("io.undertow.Undertow", null, "stop"),
            new Kind("io.vertx.core.impl.VertxImpl", null, "close"),
            new Kind("io.netty.util.concurrent.MultithreadEventExecutorGroup", null, "shutdownGracefully"));

    private LifeStoppers() {
    }

    /** Internal names of the classes whose constructions must be recorded. */
    static Set<String> recordedTypes() {
        return KINDS.stream().map(Kind::internalName).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Stops each of {@code made} that is of a known kind and still runs, in the kinds' order.
     *
     * @param deadline {@link System#nanoTime()} by which an asynchronous close should be done
     * @return what failed to stop, if anything (the threads left then say the rest)
     */
    static List<String> stop(List<Object> made, long deadline) {
        List<String> failures = new ArrayList<>();
        for (Kind kind : KINDS) {
            for (Object object : made) {
                if (isA(object.getClass(), kind.type())) {
                    stop(kind, object, deadline).ifPresent(failures::add);
                }
            }
        }
        return failures;
    }

    private static boolean isA(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> stop(Kind kind, Object object, long deadline) {
        try {
            if (kind.running() != null && !running(object, kind.running())) {
                return Optional.empty();
            }
            if (kind.stop().equals("shutdownGracefully")) {
                if ((Boolean) call(object, "isShuttingDown")) {
                    // Shut down already, by the application or its framework, with production's quiet period.
                    hurry(object);
                    return Optional.empty();
                }
                Method graceful = object.getClass().getMethod("shutdownGracefully", long.class, long.class, TimeUnit.class);
                graceful.setAccessible(true);
                graceful.invoke(object, 0L, remainingMillis(deadline), TimeUnit.MILLISECONDS);
                return Optional.empty();
            }
            Object result = call(object, kind.stop());
            awaitFuture(result, deadline);
            for (String next : kind.then()) {
                call(object, next);
            }
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of("stopping " + object.getClass().getName() + " failed: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of(object.getClass().getName() + " could not be stopped (" + e + ")");
        }
    }

    /**
     * Ends the quiet period of each event loop of a group already shutting down: Netty sleeps in
     * 100 ms steps until no task came for the quiet period (2 s by default, Micronaut's too), and
     * reads the period each time.
     */
    private static void hurry(Object group) {
        if (!(group instanceof Iterable<?> executors)) {
            return;
        }
        for (Object executor : executors) {
            for (Class<?> c = executor.getClass(); c != null; c = c.getSuperclass()) {
                try {
                    java.lang.reflect.Field quiet = c.getDeclaredField("gracefulShutdownQuietPeriod");
                    quiet.setAccessible(true);
                    quiet.setLong(executor, 0L);
                    break;
                } catch (NoSuchFieldException e) {
                    // Declared further up.
                } catch (ReflectiveOperationException | RuntimeException e) {
                    break;
                }
            }
        }
    }

    private static boolean running(Object object, String running) throws ReflectiveOperationException {
        Object result = object;
        for (String step : running.split("\\.")) {
            result = call(result, step);
        }
        return (Boolean) result;
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static Object call(Object target, String name) throws ReflectiveOperationException {
        Method method = target.getClass().getMethod(name);
        method.setAccessible(true);
        return method.invoke(target);
    }

    /** Waits for an asynchronous close (Vert.x's Future), polling its public {@code isComplete}. */
    private static void awaitFuture(Object result, long deadline) throws ReflectiveOperationException {
        if (result == null) {
            return;
        }
        Method complete;
        try {
            complete = result.getClass().getMethod("isComplete");
            complete.setAccessible(true);
        } catch (NoSuchMethodException e) {
            return;
        }
        while (!(Boolean) complete.invoke(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
