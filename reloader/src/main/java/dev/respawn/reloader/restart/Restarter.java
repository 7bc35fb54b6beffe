package dev.respawn.reloader.restart;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.respawn.reloader.channel.InJvmRestart;
import dev.respawn.reloader.context.LifeOutputs;
import dev.respawn.reloader.context.Lives;

/**
 * Restarts the application inside its JVM: runs {@code main} with the classes of the class path's
 * folders in a disposable {@link RestartLoader} and the jars in the JVM's application class
 * loader, and on request stops the application, drops its loader and runs {@code main} again in
 * a new one. When the application does not stop cleanly it says why, and the supervisor restarts
 * the process instead.
 */
public final class Restarter implements Lives {

    private final Instrumentation instrumentation;
    private final String mainClass;
    private final List<Path> folders;
    private final Duration timeout;
    private final Supplier<Set<Integer>> respawnPorts;
    private final ClassLoader base = ClassLoader.getSystemClassLoader();
    private final DroppedLoaders dropped = new DroppedLoaders();
    /** Jar classes loaded since the running life began (internal names). */
    private final java.util.Queue<String> jarClasses = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean stubbed;
    private volatile String loadedTwice;
    private volatile String unavailable;
    private volatile Life current;
    private String[] args;

    private final StaticsCleaning cleaning;
    private final List<Runnable> restartListeners = new CopyOnWriteArrayList<>();
    private final LifeOutputs outputs = new LifeOutputs();
    private volatile Consumer<String> mainFailed = trace -> { };

    private Restarter(Instrumentation instrumentation, String mainClass, List<Path> folders, Duration timeout,
            Supplier<Set<Integer>> respawnPorts) {
        this.instrumentation = instrumentation;
        this.mainClass = mainClass;
        this.folders = folders;
        this.timeout = timeout;
        this.respawnPorts = respawnPorts;
        this.cleaning = new StaticsCleaning(instrumentation, base);
    }

    /**
     * Takes over the application's main class when it can (started with a main class and folders
     * on the class path); empty when it cannot, and the application starts as it always would.
     *
     * @param timeout how long the application has to stop
     * @param respawnPorts respawn's own ports in this JVM, never the application's
     */
    public static Optional<Restarter> install(Instrumentation instrumentation, Map<String, String> environment,
            Duration timeout, Supplier<Set<Integer>> respawnPorts) {
        if ("off".equals(environment.get(InJvmRestart.SWITCH_VARIABLE)) || System.getProperty("jdk.module.main") != null) {
            return Optional.empty();
        }
        Optional<String> mainClass = mainClass(System.getProperty("sun.java.command", ""));
        List<Path> folders = folders(System.getProperty("java.class.path", ""));
        if (mainClass.isEmpty() || folders.isEmpty()) {
            return Optional.empty();
        }
        Restarter restarter = new Restarter(instrumentation, mainClass.get(), folders, timeout, respawnPorts);
        // The JDK's shutdown hook registry, threads' ThreadLocal maps and inherited access control
        // contexts are read and cleared by reflection.
        Module javaBase = Object.class.getModule();
        Set<Module> respawn = Set.of(Restarter.class.getModule());
        instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                Map.of("java.lang", respawn, "java.security", respawn), Set.of(), Map.of());
        // What owns the threads a life leaves (executors, the JDK's HTTP server) is read the same way.
        for (String[] open : ThreadOwners.packagesToOpen()) {
            ModuleLayer.boot().findModule(open[0]).ifPresent(module -> instrumentation.redefineModule(module,
                    Set.of(), Map.of(), Map.of(open[1], respawn), Set.of(), Map.of()));
        }
        DevelopmentDefaults.apply();
        instrumentation.addTransformer(new CreationRecorder(LifeStoppers.recordedTypes()), false);
        InJvmLauncher.install(restarter);
        instrumentation.addTransformer(new SystemLoaderGuard(mainClass.get(), folders,
                name -> restarter.stubbed = true, restarter::loadedTwice, restarter.jarClasses::add), false);
        return Optional.of(restarter);
    }

    /** The main class of {@code java [options] CLASS args}; empty for {@code -jar} and source files. */
    static Optional<String> mainClass(String javaCommand) {
        String first = javaCommand.strip().split("\\s+", 2)[0];
        if (first.isEmpty() || first.endsWith(".jar") || first.endsWith(".java") || first.contains("/")
                || first.contains(File.separator)) {
            return Optional.empty();
        }
        return Optional.of(first);
    }

    /** The class path's folders that exist, as real paths. */
    static List<Path> folders(String classPath) {
        List<Path> folders = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            try {
                Path path = Path.of(entry.isEmpty() ? "." : entry);
                if (Files.isDirectory(path)) {
                    Path real = path.toRealPath();
                    if (!folders.contains(real)) {
                        folders.add(real);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not a folder we can use.
            }
        }
        return folders;
    }

    private void loadedTwice(String name) {
        if (stubbed && loadedTwice == null) {
            loadedTwice = name + " was loaded by the JVM's application class loader as well as by respawn's "
                    + "restart loader (a library loaded it by name), so two versions of it exist";
        }
    }

    void runFirstLife(String[] arguments) throws Throwable {
        args = arguments.clone();
        Life life = Life.prepare(1, mainClass, folders, base);
        current = life;
        ByNameLookups.lifeBegins(life.loader());
        try {
            life.runHere(arguments);
        } catch (Throwable failure) {
            // A main still starting when the JVM was told to stop (the supervisor's stop, Ctrl-C)
            // fails of the stop itself, e.g. "Shutdown in progress" from addShutdownHook.
            if (!life.stopping() && !ShutdownHooks.jvmShuttingDown()) {
                if (Life.othersKeepTheJvmUp()) {
                    mainFailed.accept(Life.trace(failure));
                }
                throw failure;
            }
        }
    }

    /**
     * Tells {@code listener} what a life's {@code main} threw when other threads keep the JVM up
     * after it (the JVM ends when none do): the application will not serve, though the JVM runs on.
     */
    public void onMainFailed(Consumer<String> listener) {
        mainFailed = listener;
    }

    @Override
    public void onRestart(Runnable listener) {
        restartListeners.add(listener);
    }

    @Override
    public LifeOutputs outputs() {
        return outputs;
    }

    /** Whether {@code type} is one of the running life's classes (or no application class at all). */
    public boolean isCurrent(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader instanceof RestartLoader) {
            Life life = current;
            return life != null && loader == life.loader();
        }
        return !(stubbed && loader == base && type.getName().equals(mainClass));
    }

    /**
     * Stops the application and runs it again in a new class loader.
     *
     * @return empty when done (the new {@code main} is running), else why it could not be
     */
    public synchronized Optional<String> restart() {
        if (unavailable != null) {
            return Optional.of(unavailable);
        }
        if (!stubbed) {
            return Optional.of(mainClass + " has no static main(String[]) to run in a restart class loader");
        }
        if (loadedTwice != null) {
            return Optional.of(loadedTwice);
        }
        Life old = current;
        if (old == null) {
            return Optional.of("the application's main has not started yet");
        }
        // A thread that is no daemon keeps the JVM up between the old life's end and the new one's start.
        AtomicReference<Optional<String>> outcome = new AtomicReference<>(Optional.of("interrupted"));
        Thread replacing = new Thread(() -> {
            try {
                outcome.set(replace(old));
            } catch (RuntimeException | LinkageError e) {
                unavailable = "the restart inside the JVM failed (" + e + ")";
                outcome.set(Optional.of(unavailable));
            }
        }, "respawn-restart");
        replacing.setDaemon(false);
        replacing.start();
        try {
            replacing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome.get();
    }

    private Optional<String> replace(Life old) {
        long began = System.nanoTime();
        Optional<String> unclean = old.stop(timeout, respawnPorts.get());
        if (unclean.isPresent()) {
            unavailable = unclean.get();
            return unclean;
        }
        trace("stopped", began);
        Leftovers.clear(old);
        trace("leftovers cleared", began);
        // The ended life's files are handed over now and written once the next life is up.
        long hold = outputs.hold();
        // So is the clearing of the ended life's statics, which would take a core from that start too.
        CountDownLatch up = new CountDownLatch(1);
        Life next = null;
        try {
            next = startNext(old, began, up);
        } finally {
            if (next != null) {
                NextLifeUp.release(outputs, hold, next, old.served(), up::countDown);
            } else {
                outputs.release(hold);
                up.countDown();
            }
        }
        return Optional.empty();
    }

    private Life startNext(Life old, long began, CountDownLatch up) {
        for (Runnable listener : restartListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                // An add-on's file for the life that ended; the restart matters more.
            }
            trace("listener of " + listener.getClass().getSimpleName().replaceFirst("\\$\\$.*", "") + " ran", began);
        }
        Set<String> firstUsed = new java.util.HashSet<>();
        for (String name = jarClasses.poll(); name != null; name = jarClasses.poll()) {
            firstUsed.add(name.replace('/', '.'));
        }
        dropped.add(old.loader());
        Life next = Life.after(old, mainClass, folders, base);
        current = next;
        ByNameLookups.lifeBegins(next.loader());
        next.start(args, trace -> mainFailed.accept(trace));
        trace("next main started", began);
        cleaning.start(old.loader(), firstUsed, up);
        return next;
    }

    /** Where a restart inside the JVM spends its time, with {@code -Drespawn.trace=true} on the worker's command. */
    private static void trace(String what, long began) {
        if (Boolean.getBoolean("respawn.trace")) {
            System.err.println("respawn: trace: in-JVM restart, " + what + " +" + (System.nanoTime() - began) / 1_000_000
                    + " ms (this thread's CPU so far: " + ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000
                    + " ms)");
        }
    }

    /** One line on the lives so far, for {@code respawn status}: after a full GC, how many dropped loaders remain. */
    public String status() {
        cleaning.await();
        Life life = current;
        return dropped.status(life == null ? 0 : life.number());
    }
}
