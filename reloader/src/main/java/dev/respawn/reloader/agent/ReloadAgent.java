package dev.respawn.reloader.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import dev.respawn.reloader.changes.ChangeMonitor;
import dev.respawn.reloader.channel.InJvmRestart;
import dev.respawn.reloader.channel.ReportClient;
import dev.respawn.reloader.compile.ClassPath;
import dev.respawn.reloader.compile.CompileOnSave;
import dev.respawn.reloader.context.Lives;
import dev.respawn.reloader.control.ControlFile;
import dev.respawn.reloader.control.ControlServer;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.options.ReloadMode;
import dev.respawn.reloader.restart.Restarter;
import dev.respawn.reloader.tracking.ClassTracker;
import dev.respawn.reloader.tracking.SourceLocator;
import dev.respawn.reloader.tracking.TrackingListener;

/**
 * The reloader's part of the agent: tracks loaded classes and reports them to the supervisor,
 * or, run without one, watches them itself and ends the JVM with {@link #RESTART_EXIT_CODE} when
 * one changes, so that whatever runs the application (systemd, Kubernetes, a shell loop)
 * starts it again.
 */
public final class ReloadAgent {

    /** "Restart me": the exit code of a JVM whose tracked files changed. */
    public static final int RESTART_EXIT_CODE = 3;

    private static volatile ReportClient supervisorLink;
    private static volatile ControlServer waitingControl;

    private ReloadAgent() {
    }

    /**
     * Called at the very end of {@code premain}, with every add-on ready: in a warm worker, which the
     * supervisor starts ahead of a process restart, waits until it is told to run the application,
     * so that no class, port or file of the application's is touched before. Returns at once otherwise.
     */
    public static void awaitGoIfWarm() {
        ReportClient client = supervisorLink;
        if (client == null) {
            if (ReportClient.isWarm(System.getenv())) {
                // Started ahead by a supervisor it could not reach (it was stopping, or is gone):
                // the application must not run unsupervised. Nothing of it has run, so no hooks.
                Runtime.getRuntime().halt(0);
            }
            return;
        }
        client.awaitGoIfWarm();
        GoTrace trace = new GoTrace();
        trace.mark("told");
        AtGo.go();
        trace.mark("add-ons began");
        ControlServer control = waitingControl;
        if (control != null) {
            control.openDeferred();
        }
        trace.mark("control channel open");
        trace.print();
    }

    /**
     * Before any add-on registers a command: a warm worker opens its control channel only once it
     * runs the application, so that commands meanwhile reach the running worker.
     */
    public static void deferControlIfWarm(ControlServer control, Map<String, String> environment) {
        if (ReportClient.isWarm(environment)) {
            control.deferOpening();
            waitingControl = control;
        }
    }

    /**
     * Installs tracking, and under a supervisor the in-JVM restarts its reload mode allows.
     * Returns quietly when there is nothing to do (no supervisor and no {@code reload-on-changes}).
     *
     * @param control where the {@code status} command goes (the lives of an in-JVM restarted application)
     * @return the application's lives, for add-ons that keep files per life ({@link Lives#NONE} without in-JVM restarts)
     */
    public static Lives install(Options options, Instrumentation instrumentation, Path ownJar,
            Map<String, String> environment, ControlServer control) throws IOException {
        SourceLocator sources = new SourceLocator(options.sourcePath());
        Optional<ReportClient> supervisor = ReportClient.fromEnvironment(environment);
        if (supervisor.isPresent()) {
            ReportClient client = supervisor.get();
            supervisorLink = client;
            client.classPath(System.getProperty("java.class.path", ""));
            new ClassTracker(sources, client, ownJar).install(instrumentation);
            Optional<Restarter> restarter = inJvm(options.reloadMode())
                    ? Restarter.install(instrumentation, environment, options.shutdownTimeout(),
                            () -> respawnPorts(options))
                    : Optional.empty();
            String noRestarts = inJvm(options.reloadMode())
                    ? "the application was not started with a main class and class folders on its class path"
                            + " (java -cp FOLDERS:JARS MAIN)"
                    : "--reload-mode " + options.reloadMode() + " starts a new worker process for each change";
            restarter.ifPresent(installed -> installed.onMainFailed(client::mainFailed));
            if (restarter.isEmpty()) {
                // premain runs on the thread that runs main next; a Restarter judges its lives itself.
                FailedOfTheStop.install(Thread.currentThread());
            }
            control.register("status", argument -> restarter.map(Restarter::status)
                    .orElseGet(() -> ProcessStatus.describe(options.reloadMode(), noRestarts)));
            InJvmRestart restart = restarter.<InJvmRestart>map(installed -> installed::restart)
                    .orElse(InJvmRestart.unavailable("the application was not started with a main class "
                            + "and class folders on its class path (java -cp FOLDERS:JARS MAIN)"));
            // A supervisor that went away without stopping us (killed) must not leave us behind.
            client.listen(new ClassRedefiner(instrumentation, restarter), restart, () -> Orphaned.endAll(() -> exit(0)));
            closeOnExit(client);
            HooksDone.install(options.debugDirectory(), instrumentation);
            return restarter.<Lives>map(installed -> installed).orElse(Lives.NONE);
        }
        if (options.reloadOnChanges()) {
            // Made on the tracker's thread: the watcher is not on the application's way to main.
            AtomicReference<ChangeMonitor> monitor = new AtomicReference<>();
            new ClassTracker(sources, () -> {
                ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread daemon = new Thread(runnable, "respawn-reload");
                    daemon.setDaemon(true);
                    return daemon;
                });
                monitor.set(new ChangeMonitor(options, thread, ReloadAgent::restartMe,
                        message -> System.err.println("respawn: " + message)));
                return compileOnSave(options, monitor.get());
            }, ownJar).install(instrumentation);
            closeOnExit(() -> {
                ChangeMonitor made = monitor.get();
                if (made != null) {
                    made.close();
                }
            });
        }
        return Lives.NONE;
    }

    /**
     * Under {@code compile-on-save}, this JVM compiles its own saved sources (on a JDK), and the
     * monitor then sees their class files change as after any build.
     */
    private static TrackingListener compileOnSave(Options options, ChangeMonitor monitor) {
        Optional<CompileOnSave> compiling = options.compileOnSave()
                ? CompileOnSave.start(options, System.err) : Optional.empty();
        if (compiling.isEmpty()) {
            return monitor;
        }
        CompileOnSave compiler = compiling.get();
        compiler.classPath(ClassPath.entries(System.getProperty("java.class.path", "")));
        closeOnExit(compiler);
        return new TrackingListener() {
            @Override
            public void root(Path root, boolean directory) {
                compiler.root(root, directory);
                monitor.root(root, directory);
            }

            @Override
            public void loaded(dev.respawn.reloader.tracking.ClassOrigin origin) {
                monitor.loaded(origin);
            }
        };
    }

    private static boolean inJvm(ReloadMode mode) {
        return mode == ReloadMode.AUTO || mode == ReloadMode.IN_JVM;
    }

    /** The control channel's port: respawn's, never the application's. */
    private static Set<Integer> respawnPorts(Options options) {
        return ControlFile.find(ControlFile.directory(options.debugDirectory()), ProcessHandle.current().pid())
                .map(file -> Set.of(file.port())).orElse(Set.of());
    }

    /**
     * Closes our sockets and watch services as the JVM shuts down: a JVM on its way out waits up
     * to 300 ms for every thread still blocked in a native call, which would add that to every
     * restart.
     */
    private static void closeOnExit(AutoCloseable resource) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                // Exiting anyway.
            }
        }, "respawn-close"));
    }

    private static void restartMe(List<Path> changed) {
        System.err.println("respawn: " + ChangeMonitor.describe(changed) + " changed; exiting with code "
                + RESTART_EXIT_CODE + " so that the application is started again");
        exit(RESTART_EXIT_CODE);
    }

    /** Exits from a thread of its own: shutdown hooks run, and no respawn thread waits on itself. */
    private static void exit(int code) {
        Thread exit = new Thread(() -> System.exit(code), "respawn-exit");
        exit.start();
    }
}
