package dev.respawn.reloader.restart;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.respawn.reloader.ports.ListeningPorts;

/**
 * One life of the application inside the worker JVM: its restart class loader, its main thread,
 * and what the JVM held before it began (threads, shutdown hooks, ports), so that stopping it
 * knows what is the application's to end.
 */
final class Life {

    private final int number;
    private final String mainClass;
    private final RestartLoader loader;
    private final Set<Thread> threadsBefore = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Thread> hooksBefore;
    private final Set<Integer> portsBefore;
    private List<Driver> driversAtStop = List.of();
    private volatile Thread main;

    private Life(int number, String mainClass, RestartLoader loader) {
        this.number = number;
        this.mainClass = mainClass;
        this.loader = loader;
        this.threadsBefore.addAll(Threads.all());
        this.hooksBefore = ShutdownHooks.registered();
        this.portsBefore = ownPorts();
    }

    static Life prepare(int number, String mainClass, List<Path> folders, ClassLoader base) {
        return new Life(number, mainClass, new RestartLoader(number, folders, base));
    }

    int number() {
        return number;
    }

    RestartLoader loader() {
        return loader;
    }

    /** The thread {@code main} ran on, alive or ended; null before it began. */
    Thread mainThread() {
        return main;
    }

    /** The JDBC drivers registered as the stop began (an application may deregister them as it stops). */
    List<Driver> driversAtStop() {
        return driversAtStop;
    }

    /** Runs {@code main} on the calling thread (the JVM's own main thread, for the first life). */
    void runHere(String[] args) throws Throwable {
        Thread thread = Thread.currentThread();
        main = thread;
        thread.setContextClassLoader(loader);
        Method entry = Class.forName(mainClass, false, loader).getMethod("main", String[].class);
        entry.setAccessible(true);
        try {
            entry.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Runs {@code main} on a new thread named "main", as the JVM would. */
    void start(String[] args) {
        Thread thread = new Thread(() -> {
            try {
                runHere(args);
            } catch (Throwable failure) {
                System.err.print("Exception in thread \"main\" ");
                failure.printStackTrace();
                if (Threads.all().stream().noneMatch(t -> t != Thread.currentThread() && t.isAlive() && !t.isDaemon()
                        && !Threads.isRespawnOrJvm(t))) {
                    // Nothing else keeps the JVM up: it ends as a failed main ends it.
                    System.exit(1);
                }
            }
        }, "main");
        thread.setDaemon(false);
        thread.setContextClassLoader(loader);
        main = thread;
        thread.start();
    }

    /**
     * Stops the application: closes Spring Boot's contexts, runs the shutdown hooks of the
     * application's own code registered during this life (those of libraries in jars, such as a
     * logging system's, are registered once per JVM and stay for its exit), then waits for the
     * threads it started and the ports it opened.
     *
     * @param respawnPorts ports of respawn's own (the control channel), never the application's
     * @return empty when it stopped cleanly within {@code timeout}, else why not
     */
    Optional<String> stop(Duration timeout, Set<Integer> respawnPorts) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> ports = new TreeSet<>(ownPorts());
        ports.removeAll(portsBefore);
        ports.removeAll(respawnPorts);
        driversAtStop = Collections.list(DriverManager.getDrivers());
        Set<Thread> hooks = ShutdownHooks.registered();
        Optional<String> failed = SpringBootContexts.close(hooks, loader.getParent());
        if (failed.isPresent()) {
            return failed;
        }
        hooks.removeAll(hooksBefore);
        hooks.removeIf(hook -> !ShutdownHooks.runsCodeOf(hook, loader));
        failed = ShutdownHooks.run(hooks, deadline);
        if (failed.isPresent()) {
            return failed;
        }
        failed = awaitThreads(deadline, timeout);
        if (failed.isPresent()) {
            return failed;
        }
        return awaitPortsClosed(deadline, ports);
    }

    private Optional<String> awaitThreads(long deadline, Duration timeout) {
        while (true) {
            Thread left = null;
            Thread current = main;
            if (current != null && current.isAlive() && current != Thread.currentThread()) {
                left = current;
            }
            for (Thread thread : Threads.all()) {
                if (left != null) {
                    break;
                }
                if (thread != Thread.currentThread() && thread.isAlive() && !threadsBefore.contains(thread)
                        && !Threads.isRespawnOrJvm(thread) && (!thread.isDaemon() || runsOurCode(thread))) {
                    left = thread;
                }
            }
            if (left == null) {
                return Optional.empty();
            }
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                return Optional.of("thread '" + left.getName() + "'" + where(left) + " did not end within "
                        + timeout.toSeconds() + " s of the application's stop");
            }
            try {
                left.join(Math.min(TimeUnit.NANOSECONDS.toMillis(wait) + 1, 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
    }

    /** Whether the thread runs code of this life (a daemon thread doing so would run old code on). */
    private boolean runsOurCode(Thread thread) {
        if (thread.getClass().getClassLoader() == loader) {
            return true;
        }
        String name = loader.getName();
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (name.equals(frame.getClassLoaderName())) {
                return true;
            }
        }
        return false;
    }

    private String where(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (loader.getName().equals(frame.getClassLoaderName())) {
                return " (at " + frame.getClassName() + "." + frame.getMethodName() + ")";
            }
        }
        return frames.length == 0 ? "" : " (at " + frames[0].getClassName() + "." + frames[0].getMethodName() + ")";
    }

    /**
     * Waits until nothing listens on the ports any more. Machine-wide, not by this process's file
     * descriptors: a socket closed while a thread is blocked accepting on it leaves the descriptor
     * table at once but keeps the port until that thread wakes.
     */
    private Optional<String> awaitPortsClosed(long deadline, Set<Integer> ports) {
        if (ports.isEmpty()) {
            return Optional.empty();
        }
        while (true) {
            Set<Integer> open = new TreeSet<>(ListeningPorts.all());
            open.retainAll(ports);
            if (open.isEmpty()) {
                return Optional.empty();
            }
            if (System.nanoTime() >= deadline) {
                return Optional.of("port" + (open.size() == 1 ? " " : "s ") + open + " stayed open after the application's stop");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
    }

    private static Set<Integer> ownPorts() {
        return ListeningPorts.ownedBy(List.of(ProcessHandle.current()));
    }
}
