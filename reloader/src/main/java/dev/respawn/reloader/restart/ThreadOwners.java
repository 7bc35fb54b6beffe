package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Stops what owns the threads a life left running, found from the threads themselves as
 * Tomcat's {@code WebappClassLoaderBase} finds executor threads: the JDK HTTP server whose
 * dispatcher a thread is, the {@code ThreadPoolExecutor} whose worker it runs, the
 * {@code ForkJoinPool} it belongs to (never the common pool). Ownership read from the JDK's
 * objects, not guessed from names.
 */
final class ThreadOwners {

    private static final String POOL_WORKER = "java.util.concurrent.ThreadPoolExecutor$Worker";
    private static final String HTTP_DISPATCHER = "sun.net.httpserver.ServerImpl$Dispatcher";

    private ThreadOwners() {
    }

    /**
     * Stops the owners of {@code threads}: servers first (a JDK HTTP server hands its exchanges to
     * an executor), then executors, with {@code shutdownNow}, which interrupts their workers.
     *
     * @return how many owners were stopped
     */
    static int stop(Collection<Thread> threads) {
        Set<Object> stopped = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Thread thread : threads) {
            Object task = Threads.task(thread);
            if (task != null && task.getClass().getName().equals(HTTP_DISPATCHER)) {
                Object server = outer(task);
                if (server != null && stopped.add(server)) {
                    stopHttpServer(server);
                }
            }
        }
        for (Thread thread : threads) {
            ExecutorService executor = executorOf(thread);
            if (executor != null && stopped.add(executor)) {
                executor.shutdownNow();
            }
        }
        return stopped.size();
    }

    /** The executor whose worker {@code thread} is, if any. */
    static ExecutorService executorOf(Thread thread) {
        if (thread instanceof ForkJoinWorkerThread worker) {
            ForkJoinPool pool = worker.getPool();
            return pool == ForkJoinPool.commonPool() ? null : pool;
        }
        Object task = Threads.task(thread);
        if (task != null && task.getClass().getName().equals(POOL_WORKER) && outer(task) instanceof ExecutorService executor) {
            return executor;
        }
        return null;
    }

    /** {@code ServerImpl.stop(0)}: closes the listener, ends the dispatcher, and waits for it. */
    private static void stopHttpServer(Object server) {
        try {
            Method stop = server.getClass().getDeclaredMethod("stop", int.class);
            stop.setAccessible(true);
            stop.invoke(server, 0);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Then its dispatcher is interrupted with the rest, and the stop reports what stayed.
        }
    }

    /** The enclosing instance of an inner class's object. */
    private static Object outer(Object inner) {
        try {
            Field outer = inner.getClass().getDeclaredField("this$0");
            outer.setAccessible(true);
            return outer.get(inner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Packages the agent opens to respawn for this: module name to package names. */
    static List<String[]> packagesToOpen() {
        return List.of(new String[] {"java.base", "java.util.concurrent"},
                new String[] {"jdk.httpserver", "sun.net.httpserver"});
    }
}
