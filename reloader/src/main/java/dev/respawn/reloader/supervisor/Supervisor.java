package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.respawn.reloader.changes.ChangeMonitor;
import dev.respawn.reloader.compile.CompileOnSave;
import dev.respawn.reloader.channel.ReportServer;
import dev.respawn.reloader.channel.WorkerReportListener;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.options.ReloadMode;
import dev.respawn.reloader.ports.ListeningPorts;
import dev.respawn.reloader.supervisor.faststart.FastStart;
import dev.respawn.reloader.tracking.ClassOrigin;

/**
 * Runs the application as a worker process and restarts it, once per burst of changes, when a
 * file it loaded changes.
 *
 * <p>All decisions happen on one control thread, so a restart and the changes that arrive while
 * it runs never interleave; the shutdown hook is the one other actor, and takes the same lock
 * before it stops the last worker.
 */
public final class Supervisor {

    private final SupervisorConfig config;
    private final Options options;
    private final Console console;
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "respawn-control");
        thread.setDaemon(true);
        return thread;
    });
    private final ControlPorts controlPorts;
    private final FastStart fastStart;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ServingEvents events;
    private final FailedMains failedMains;
    private final Object lifecycle = new Object();
    private ChangeMonitor monitor;
    private CompileOnSave compiling;
    private HotSwapper hotSwapper;
    private InJvmRestarts inJvm;
    private Reloads reloads;
    private ReportServer reports;
    private Worker current;
    private WarmJvm warm;
    private OutputHandoffs handoffs;
    private boolean warmWanted;
    private boolean stopping;
    private int exitCode;

    public Supervisor(SupervisorConfig config) {
        this.config = config;
        this.options = config.options();
        this.console = new Console(config.err());
        this.controlPorts = new ControlPorts(options.debugDirectory(), this::addOnPorts);
        this.fastStart = new FastStart(options, console::say, config.agentJar());
        this.events = new ServingEvents(config.extensions());
        this.failedMains = new FailedMains(console, events, () -> current);
    }

    /** Runs until the worker ends without reloading, or until the JVM is asked to stop; returns the exit code. */
    public int run() throws IOException {
        reports = new ReportServer(new Reports());
        hotSwapper = new HotSwapper(reports, config.extensions(), console);
        handoffs = new OutputHandoffs(options.debugDirectory(), config.extensions(), config.command(), console);
        inJvm = new InJvmRestarts(reports, console, options.shutdownTimeout());
        if (WarmJvm.enabled(options, config.command(), console)) {
            warm = new WarmJvm(reports, console);
            // In the other modes most reloads happen inside the JVM: a warm JVM only once one did not.
            warmWanted = options.reloadMode() == ReloadMode.RESTART;
        }
        reloads = new Reloads(options.reloadMode(), hotSwapper, inJvm, controlPorts, console, () -> current, this::restart, events);
        if (options.reloadOnChanges()) {
            monitor = new ChangeMonitor(options, control, reloads::apply, console::say);
        }
        if (options.compileOnSave()) {
            compiling = CompileOnSave.start(options, config.err()).orElse(null);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "respawn-shutdown"));
        control.execute(() -> launch(List.of(), new Trace(System.nanoTime()), Set.of(), null));
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode;
    }

    /** Restarts the worker now, whatever changed ({@code rs} on the terminal, SIGHUP). */
    public void forceRestart() {
        control.execute(() -> {
            console.say("restarting on request");
            reloads.restartAnyhow(List.of(), null, System.nanoTime());
        });
    }

    /** Writes one line to the current worker's standard input. */
    public void toWorker(String line) {
        Worker worker = current;
        if (worker != null) {
            worker.writeLine(line);
        }
    }

    private void restart(List<Path> changed, String why, long began) {
        Trace trace = new Trace(began);
        Worker previous = current;
        warmWanted = warm != null;
        if (warm != null) {
            warm.waitingPid().ifPresent(pid -> trace.watch("new", pid));
        }
        if (previous != null && previous.isAlive()) {
            events.beforeStop();
        }
        Set<Integer> ports = previous != null && previous.isAlive()
                ? WorkerStop.forRestart(previous, trace, controlPorts, handoffs, options.shutdownTimeout(), console)
                : Set.of();
        launch(changed, trace, ports, why);
    }

    private void launch(List<Path> changed, Trace trace, Set<Integer> expectedPorts, String why) {
        long began = trace.began();
        hotSwapper.forget();
        events.reloading();
        Path directory = options.workerDirectory();
        for (SupervisorExtension extension : config.extensions()) {
            extension.beforeStart();
        }
        WorkerCommand.Prepared prepared = prepare(directory);
        // Before the worker starts: one that listens by the time its report begins is still new.
        Set<Integer> listeningBefore = ListeningPorts.all();
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            try {
                Optional<Worker> warmed = warm == null ? Optional.empty() : warm.take(prepared, changed);
                current = warmed.isPresent() ? warmed.get()
                        : Worker.start(prepared.command(), prepared.environment(), directory, config.out(), config.err());
            } catch (IOException e) {
                current = null;
                console.say("could not start the worker (" + config.command().get(0) + "): " + e.getMessage()
                        + "; waiting for a change to try again");
                events.notServing("could not start the worker (" + config.command().get(0) + "): " + e.getMessage());
                finishUnlessReloading(127);
                return;
            }
        }
        Worker worker = current;
        trace.watch("new", worker.pid()).mark("launched");
        config.extensions().forEach(extension -> extension.started(worker.pid()));
        new ReadinessReport(console, worker, expectedPorts, addOnPorts(), changed, why, began, controlPorts, false, events,
                listeningBefore).whenDone(() -> serving(worker, trace)).start();
        worker.onExit().thenRun(() -> control.execute(() -> exited(worker)));
    }

    /** The ports the add-ons make the worker listen on (the debugger's): never the application's. */
    private Set<Integer> addOnPorts() {
        Set<Integer> ports = new java.util.HashSet<>();
        config.extensions().forEach(extension -> ports.addAll(extension.ports()));
        return ports;
    }

    /** The worker's command and environment, the agent and the add-ons' options in. */
    private WorkerCommand.Prepared prepare(Path directory) {
        List<String> jvmArguments = new ArrayList<>();
        Map<String, String> environment = new java.util.HashMap<>(config.environment());
        environment.putAll(reports.environment());
        environment.putAll(inJvm.environment());
        for (SupervisorExtension extension : config.extensions()) {
            jvmArguments.addAll(extension.jvmArguments());
            environment.putAll(extension.environment());
        }
        Map<String, String> seen = new java.util.HashMap<>(System.getenv());
        seen.putAll(environment);
        List<String> command = fastStart.command(config.command(), directory, seen, jvmArguments);
        return WorkerCommand.prepare(command, config.agentJar(), config.agentString(), jvmArguments, environment,
                System.getenv());
    }

    /** On the readiness report's thread, once the new worker serves (or will not). */
    private void serving(Worker worker, Trace trace) {
        trace.mark("serving");
        // The next warm JVM and the ended life's files wait until the new worker has answered.
        QuietWorker.await(worker);
        trace.mark("quiet");
        trace.print(console);
        warmUpLater();
    }

    private void warmUpLater() {
        handoffs.nextServes();
        try {
            control.execute(this::warmUp);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The supervisor is stopping.
        }
    }

    /** Once the new worker serves (not before: they would share the CPU), the next one starts waiting. */
    private void warmUp() {
        Worker worker = current;
        synchronized (lifecycle) {
            if (stopping || warm == null || !warmWanted || warm.isWaiting() || worker == null || !worker.isAlive()) {
                return;
            }
        }
        Path directory = options.workerDirectory();
        WorkerCommand.Prepared prepared = prepare(directory);
        // A start that records the class list for the class-data-sharing archive must run the application.
        if (prepared.command().stream().anyMatch(argument -> argument.startsWith("-XX:DumpLoadedClassList"))) {
            return;
        }
        synchronized (lifecycle) {
            if (!stopping) {
                warm.start(prepared, directory, config.out(), config.err());
            }
        }
    }

    private void exited(Worker worker) {
        int code = worker.exitValue();
        config.extensions().forEach(extension -> extension.stopped(worker.pid(), code));
        if (worker.stopRequested() || worker != current) {
            return;
        }
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
        }
        if (!options.reloadOnChanges()) {
            finishUnlessReloading(code);
            return;
        }
        String output = FailureSummary.of(worker.lastOutput(20), 3);
        console.say("the worker (pid " + worker.pid() + ") exited with code " + code + "; " + output
                + "; waiting for a change to try again");
        events.notServing("the worker exited with code " + code + "\n" + String.join("\n", worker.lastOutput(20)));
    }

    private void finishUnlessReloading(int code) {
        if (!options.reloadOnChanges()) {
            exitCode = code;
            finished.countDown();
        }
    }

    private void shutdown() {
        Worker last;
        synchronized (lifecycle) {
            stopping = true;
            last = current;
            if (warm != null) {
                warm.discard();
            }
        }
        if (last != null) {
            if (last.isAlive()) {
                last.markStopRequested();
                WorkerStop.stop(last, ProcessTree.of(last.handle()), options.shutdownTimeout(), console);
            }
            // What the worker said on its way out (files it wrote) must reach the terminal.
            last.awaitOutput(Duration.ofSeconds(2));
        }
        if (handoffs != null) {
            handoffs.finishAll();
        }
        if (monitor != null) {
            monitor.close();
        }
        if (compiling != null) {
            compiling.close();
        }
        try {
            reports.close();
        } catch (IOException e) {
            // Only sockets to release.
        }
        config.extensions().forEach(SupervisorExtension::supervisorStopping);
        fastStart.close();
        control.shutdownNow();
    }

    /** Hands the agents' reports to the change monitor, when reloading. */
    private final class Reports implements WorkerReportListener {

        @Override
        public void mainFailed(long pid, String trace) {
            try {
                control.execute(() -> failedMains.failed(pid, trace));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // The supervisor is stopping.
            }
        }

        @Override
        public void classPath(List<Path> entries) {
            if (compiling != null) {
                compiling.classPath(entries);
            }
        }

        @Override
        public void root(Path root, boolean directory) {
            if (compiling != null) {
                compiling.root(root, directory);
            }
            if (monitor != null) {
                monitor.root(root, directory);
                if (directory && options.reloadMode() != ReloadMode.RESTART) {
                    hotSwapper.classFolder(root);
                }
            }
        }

        @Override
        public void loaded(ClassOrigin origin) {
            if (monitor != null) {
                monitor.loaded(origin);
                if (options.reloadMode() != ReloadMode.RESTART) {
                    hotSwapper.loaded(origin);
                }
            }
        }
    }
}
