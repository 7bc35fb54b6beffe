package dev.respawn.reloader.restart;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.respawn.reloader.ports.ListeningPorts;

/**
 * One life of the application inside the worker JVM: its restart class loader, its main thread,
 * and what the JVM held before it began (threads, shutdown hooks, ports), so that stopping it
 * knows what is the application's to end.
 */
final class Life {

    /** How long each layer of the stop is given to take effect before the next. */
    static final Duration SETTLE = Duration.ofMillis(300);

    private final int number;
    private final String mainClass;
    private final RestartLoader loader;
    private final LeftThreads left;
    private final Set<Thread> hooksBefore;
    private final Set<Integer> portsBefore;
    private final LifeObjects made = new LifeObjects();
    private List<Driver> driversAtStop = List.of();
    private Set<Integer> served = Set.of();
    private Set<Integer> unserved = Set.of();
    private volatile Thread main;
    private volatile boolean stopping;

    private Life(int number, String mainClass, RestartLoader loader, Set<Integer> portsBefore) {
        this.number = number;
        this.mainClass = mainClass;
        this.loader = loader;
        this.left = new LeftThreads(loader, () -> main);
        this.hooksBefore = ShutdownHooks.registered();
        this.portsBefore = portsBefore;
        made.begin();
    }

    /** The first life: what the process listens on before it is read now. */
    static Life prepare(int number, String mainClass, List<Path> folders, ClassLoader base) {
        return new Life(number, mainClass, new RestartLoader(number, folders, base), ownPorts());
    }

    /**
     * The life after {@code ended}, which stopped cleanly: what the process listened on before it
     * is what it listened on as the ended life's stop began but the ports that life served, all
     * closed by then. Not read again from the machine's sockets: a read costs a few ms per
     * thousand sockets, on the way to the next life's start.
     */
    static Life after(Life ended, String mainClass, List<Path> folders, ClassLoader base) {
        int number = ended.number + 1;
        return new Life(number, mainClass, new RestartLoader(number, folders, base), ended.unserved);
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

    /** The ports this life listened on as its stop began (respawn's own left out). */
    Set<Integer> served() {
        return served;
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

    /**
     * Runs {@code main} on a new thread named "main", as the JVM would.
     *
     * @param keptUp told what {@code main} threw when other threads keep the JVM up after it, so
     *     that the supervisor knows at once that this life will not serve
     */
    void start(String[] args, Consumer<String> keptUp) {
        Thread thread = new Thread(() -> {
            try {
                runHere(args);
            } catch (Throwable failure) {
                if (stopping || ShutdownHooks.jvmShuttingDown()) {
                    // Failed of the stop: this life's, or the JVM's while main was still starting.
                    return;
                }
                String trace = trace(failure);
                System.err.print(trace);
                if (!othersKeepTheJvmUp()) {
                    // Nothing else keeps the JVM up: it ends as a failed main ends it.
                    System.exit(1);
                }
                keptUp.accept(trace);
            }
        }, "main");
        thread.setDaemon(false);
        thread.setContextClassLoader(loader);
        main = thread;
        thread.start();
    }

    /** What the JVM prints of an exception {@code main} threw. */
    static String trace(Throwable failure) {
        StringWriter text = new StringWriter();
        text.write("Exception in thread \"main\" ");
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /** Whether a thread other than the calling one, and not respawn's, keeps the JVM up (no daemon). */
    static boolean othersKeepTheJvmUp() {
        return Threads.all().stream().anyMatch(t -> t != Thread.currentThread() && t.isAlive() && !t.isDaemon()
                && !Threads.isRespawnOrJvm(t));
    }

    /**
     * Stops the application, in layers, each for what the one before left: closes Spring Boot's
     * contexts; runs the shutdown hooks registered during this life, a library's included, but
     * not the once-per-JVM hooks of logging systems, which stay for the JVM's real exit; stops the
     * servers, contexts and event loops this life made, highest level first; stops the JDK HTTP
     * servers and executors whose threads are left; interrupts what is still left. Each layer
     * after the hooks has a short moment ({@link #SETTLE}) to take effect, so an application that
     * cannot be stopped is known to be so within about a second, not after {@code timeout}.
     *
     * @param timeout how long the hooks may take
     * @param respawnPorts ports of respawn's own (the control channel), never the application's
     * @return empty when it stopped cleanly, else why not
     */
    Optional<String> stop(Duration timeout, Set<Integer> respawnPorts) {
        stopping = true;
        traced = System.nanoTime();
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Integer> atStop = ownPorts();
        Set<Integer> ports = new TreeSet<>(atStop);
        ports.removeAll(portsBefore);
        ports.removeAll(respawnPorts);
        served = Set.copyOf(ports);
        Set<Integer> others = new TreeSet<>(atStop);
        others.removeAll(served);
        unserved = Set.copyOf(others);
        driversAtStop = Collections.list(DriverManager.getDrivers());
        Set<Thread> hooks = ShutdownHooks.registered();
        Optional<String> failed = SpringBootContexts.close(hooks, loader.getParent());
        if (failed.isPresent()) {
            return failed;
        }
        hooks.removeAll(hooksBefore);
        hooks.removeIf(hook -> !ShutdownHooks.stopsTheLife(hook, loader));
        failed = ShutdownHooks.run(hooks, deadline);
        if (failed.isPresent()) {
            return failed;
        }
        trace("hooks");
        long settle = Math.min(SETTLE.toNanos(), timeout.toNanos());
        List<String> unstoppable = LifeStoppers.stop(made.all(), System.nanoTime() + 4 * settle);
        made.clear();
        trace("stoppers");
        // Executors and JDK servers left have nothing to finish that a stop would wait for.
        ThreadOwners.stop(left.all());
        trace("owners");
        if (left.await(System.nanoTime() + settle, true).isPresent()) {
            List<Thread> threads = left.all();
            if (TRACE) {
                trace("interrupting " + threads.stream().map(t -> t.getName() + left.where(t)).toList());
            }
            threads.forEach(Thread::interrupt);
            failed = left.await(System.nanoTime() + settle, false);
            if (failed.isPresent()) {
                return Optional.of(failed.get() + (unstoppable.isEmpty() ? "" : "; " + unstoppable.get(0)));
            }
        }
        trace("threads");
        return awaitPortsClosed(System.nanoTime() + settle, ports);
    }

    private static final boolean TRACE = Boolean.getBoolean("respawn.trace");
    private long traced = System.nanoTime();

    /** Where a stop spends its time, with {@code -Drespawn.trace=true} on the worker's command. */
    private void trace(String what) {
        if (TRACE) {
            long now = System.nanoTime();
            System.err.println("respawn: trace: stop, " + what + " +" + (now - traced) / 1_000_000 + " ms");
            traced = now;
        }
    }

    /** Whether this life is being stopped (an exception its main throws then is the stop's doing). */
    boolean stopping() {
        return stopping;
    }

    /**
     * Waits until nothing listens on the ports any more. Machine-wide, not by this process's file
     * descriptors: a socket closed while a thread is blocked accepting on it leaves the descriptor
     * table at once but keeps the port until that thread wakes.
     */
    private static Optional<String> awaitPortsClosed(long deadline, Set<Integer> ports) {
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
