package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.respawn.reloader.output.Handoff;

/**
 * Takes the slow part of a stopping worker's files off a process restart's path: marks the worker
 * before the restart stops it ({@link Handoff}), so that it writes only what must come from its
 * memory and ends sooner, and finishes the rest (flame graphs, HAR files) once the next worker
 * serves, on a thread of its own (not before: they would share the CPU with the start). As the
 * supervisor stops, it finishes whatever is still marked and waits for it, so nothing is lost;
 * markers that a killed supervisor left are finished by the next one.
 */
final class OutputHandoffs {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path debugDirectory;
    private final List<SupervisorExtension> takers;
    private final Console console;
    private final boolean endAfterHooks;
    private final ExecutorService finishing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "respawn-finish-outputs");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Long> pending = new ArrayList<>();

    OutputHandoffs(Path debugDirectory, List<SupervisorExtension> extensions, List<String> command, Console console) {
        this.debugDirectory = debugDirectory;
        this.takers = extensions.stream().filter(SupervisorExtension::finishesOutputs).toList();
        this.console = console;
        this.endAfterHooks = mayEndAfterHooks(command, System.getenv());
        Handoff.marked(debugDirectory).stream().filter(pid -> !alive(pid)).forEach(pending::add);
    }

    /** Before a process restart stops the worker: its slow files become the supervisor's to finish. */
    void beforeStop(long pid) {
        if (takers.isEmpty() && !endAfterHooks) {
            return;
        }
        try {
            Handoff.mark(debugDirectory, pid);
            synchronized (this) {
                pending.add(pid);
            }
        } catch (IOException e) {
            // Unmarked, the worker writes all of its files itself, as it would without a supervisor.
        }
    }

    /**
     * Whether the worker stopped for a restart has run its shutdown hooks, and may be killed
     * rather than awaited through the rest of its JVM's exit.
     */
    boolean hooksDone(long pid) {
        return endAfterHooks && Handoff.notes(debugDirectory, pid).contains("hooks done");
    }

    /**
     * Whether a worker's JVM may be killed once its shutdown hooks have run: not when the user gave it
     * a native agent of their own ({@code -agentpath}, {@code -agentlib} but JDWP, on the command or
     * in the JVM's option variables), which may write its files as the JVM dies, after the hooks.
     */
    static boolean mayEndAfterHooks(List<String> command, java.util.Map<String, String> environment) {
        List<String> options = new ArrayList<>(command);
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String value = environment.get(variable);
            if (value != null) {
                options.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return options.stream().noneMatch(option -> option.startsWith("-agentpath:")
                || option.startsWith("-agentlib:") && !option.startsWith("-agentlib:jdwp="));
    }

    /** The next worker serves, or will not: the files of the workers stopped before it are finished now. */
    void nextServes() {
        List<Long> pids;
        synchronized (this) {
            pids = List.copyOf(pending);
            pending.clear();
        }
        pids.forEach(this::submit);
    }

    /**
     * As the supervisor stops, once its last worker has ended: finishes the files of every marked
     * worker that has ended (those of a restart just made included), and waits for them.
     */
    void finishAll() {
        synchronized (this) {
            pending.clear();
        }
        Handoff.marked(debugDirectory).forEach(this::submit);
        finishing.shutdown();
        try {
            if (!finishing.awaitTermination(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                console.say("stopped before the last workers' files were finished (" + PATIENCE.toSeconds()
                        + " s); what is left is in " + debugDirectory);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(long pid) {
        try {
            finishing.execute(() -> finish(pid));
        } catch (RejectedExecutionException e) {
            // The supervisor is stopping; finishAll finishes what is marked.
        }
    }

    private void finish(long pid) {
        if (alive(pid)) {
            // Not ours to finish yet (a worker being stopped, killed and not yet gone, or a pid used
            // again): kept for the next worker that serves. The last life's report can come late,
            // once a restart has already marked that life's worker and begun to stop it.
            synchronized (this) {
                if (!pending.contains(pid)) {
                    pending.add(pid);
                }
            }
            return;
        }
        for (SupervisorExtension taker : takers) {
            try {
                taker.finishOutputs(pid);
            } catch (RuntimeException | LinkageError e) {
                console.say("could not finish the files of worker pid " + pid + " (" + e + ")");
            }
        }
        Handoff.finished(debugDirectory, pid);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
