package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.respawn.reloader.channel.ReportServer;
import dev.respawn.reloader.channel.WorkerLink;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.options.ReloadMode;

/**
 * The next worker JVM, started ahead of a process restart with the agent and add-ons ready and
 * waiting before {@code main} (as Drip keeps a fresh JVM ready), so that the restart costs the
 * application's own start only. It is used only for the very command and environment it was
 * started with, and never after a jar changed (the JVM may have opened the jars on its class
 * path while loading the agent) or a class folder was deleted or made (a JVM drops an entry
 * missing when it first looks); else it is stopped and the worker starts cold.
 *
 * <p>Until it is told to go it holds no port but respawn's own loopback channels, has loaded no
 * class of the application's (so it runs the class files as they are at go), and its output
 * waits in the pipes. Used on the supervisor's control thread only.
 */
final class WarmJvm {

    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration STOP = Duration.ofSeconds(2);

    private final ReportServer reports;
    private final Console console;
    private Waiting waiting;

    private record Waiting(Worker worker, WorkerCommand.Prepared prepared, ClassPathState classPath, Path directory) {
    }

    WarmJvm(ReportServer reports, Console console) {
        this.reports = reports;
        this.console = console;
    }

    /**
     * Whether to keep a warm JVM: reloading a {@code java} command (a script's JVMs are not ours to
     * start ahead), and without {@code --capture-locals} (each worker's JDWP port is a new one,
     * chosen as it starts). The debugger and the add-ons that write a file per life are no
     * obstacle: JDWP, given after {@code -javaagent}, begins listening in the JVM's start-up event
     * only after the agent's {@code premain} returns, that is at go, once the last worker let go of
     * the port; and the profiler, the recorder and coverage begin their files at go too
     * ({@code AtGo}), so a waiting JVM that is discarded leaves none.
     */
    static boolean enabled(Options options, List<String> command, Console console) {
        if (!options.warmJvm() || !options.reloadOnChanges() || command.isEmpty()
                || !WorkerCommand.isJava(command.get(0))) {
            return false;
        }
        if (options.captureLocals()) {
            if (options.reloadMode() == ReloadMode.RESTART) {
                console.say("no warm JVM for process restarts: --capture-locals gives each worker a port of its own");
            }
            return false;
        }
        return true;
    }

    /** The waiting worker's process id, if one waits. */
    java.util.OptionalLong waitingPid() {
        return isWaiting() ? java.util.OptionalLong.of(waiting.worker().pid()) : java.util.OptionalLong.empty();
    }

    boolean isWaiting() {
        return waiting != null && waiting.worker().isAlive();
    }

    /** Starts a JVM for {@code prepared}, to wait; says once, in one line, when it cannot. */
    void start(WorkerCommand.Prepared prepared, Path directory, PrintStream out, PrintStream err) {
        discard();
        // Before the start: a change made while it starts then shows as a difference at take.
        ClassPathState classPath = ClassPathState.of(prepared.command(), directory);
        Map<String, String> environment = new HashMap<>(prepared.environment());
        environment.putAll(ReportServer.warmEnvironment());
        try {
            waiting = new Waiting(Worker.start(prepared.command(), environment, directory, out, err, true), prepared,
                    classPath, directory);
        } catch (IOException e) {
            waiting = null;
        }
    }

    /**
     * The waiting worker, told to go, when it was started for {@code prepared} and no jar is among
     * {@code changed}; else empty, and the waiting worker (if any) stopped.
     */
    Optional<Worker> take(WorkerCommand.Prepared prepared, List<Path> changed) {
        Waiting taken = waiting;
        waiting = null;
        if (taken == null) {
            return Optional.empty();
        }
        Worker worker = taken.worker();
        if (!worker.isAlive()) {
            // Whatever it said on its way out is worth seeing: it would have been the next worker.
            worker.release();
            worker.awaitOutput(STOP);
            console.say("the warm JVM (pid " + worker.pid() + ") had exited with code " + worker.exitValue()
                    + "; starting the worker without it");
            return Optional.empty();
        }
        if (!taken.prepared().equals(prepared) || changed.stream().anyMatch(WarmJvm::isJar)
                || !taken.classPath().equals(ClassPathState.of(prepared.command(), taken.directory()))) {
            stop(worker);
            return Optional.empty();
        }
        Optional<WorkerLink> link = awaitLink(worker);
        if (link.isEmpty() || !link.get().go()) {
            stop(worker);
            return Optional.empty();
        }
        worker.release();
        return Optional.of(worker);
    }

    /** Stops the waiting worker, if any (the supervisor stops, or it no longer fits). */
    void discard() {
        Waiting discarded = waiting;
        waiting = null;
        if (discarded != null) {
            stop(discarded.worker());
        }
    }

    private Optional<WorkerLink> awaitLink(Worker worker) {
        long deadline = System.nanoTime() + CONNECT.toNanos();
        while (worker.isAlive()) {
            Optional<WorkerLink> link = reports.link(worker.pid());
            if (link.isPresent() || System.nanoTime() > deadline) {
                return link;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void stop(Worker worker) {
        worker.markStopRequested();
        worker.dropOutput();
        ProcessTree.stop(ProcessTree.of(worker.handle()), STOP);
    }

    private static boolean isJar(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }
}
