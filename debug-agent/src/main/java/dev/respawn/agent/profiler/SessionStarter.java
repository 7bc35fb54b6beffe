package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.context.RequestListener;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.output.OwnerOnly;
import one.profiler.AsyncProfiler;

/**
 * Starts profiling sessions with the engine chosen once, on the first: async-profiler where it
 * loads, else the JDK's Flight Recorder, saying which and why.
 */
final class SessionStarter {

    private final Options options;
    private final Path directory;
    private final Path natives;
    private AsyncProfiler profiler;
    private boolean chosen;
    private boolean requestsOnly;
    private final Set<String> stems = new HashSet<>();

    SessionStarter(Options options, Path directory, Path natives) {
        this.options = options;
        this.directory = directory;
        this.natives = natives;
    }

    /** How many lives' profiles stay in the directory ({@code --keep-lives}). */
    int keepLives() {
        return options.keepLives();
    }

    /**
     * Profiles the wall-clock time of threads only while they serve a request, as the recorder
     * marks them: async-profiler's thread filter narrows wall-clock sampling (in 4.3 it does not
     * narrow cpu samples), and a request's wall time (waits included) is what a request profile
     * is for.
     */
    void requestThreadsOnly(RequestContext requests) throws IOException {
        choose();
        if (profiler == null) {
            ProfilerAddon.say("--profile-requests needs async-profiler; the Flight Recorder samples every thread");
            return;
        }
        if (!options.profilerEvent().equals("cpu")) {
            ProfilerAddon.say("--profile-requests profiles wall-clock time; --profiler-event " + options.profilerEvent()
                    + " is not used");
        }
        requestsOnly = true;
        ProfilerAddon.say("profiling the wall-clock time of threads while they serve a request (--profile-requests)");
        AsyncProfiler filtered = profiler;
        requests.listen(new RequestListener() {
            @Override
            public void entered() {
                filtered.addThread(Thread.currentThread());
            }

            @Override
            public void left() {
                filtered.removeThread(Thread.currentThread());
            }
        });
    }

    synchronized ProfileSession start() throws IOException {
        choose();
        String stem = unusedStem();
        if (profiler != null) {
            return AsyncProfilerSession.start(profiler, options, directory, stem, requestsOnly);
        }
        return JfrSession.start(directory, stem);
    }

    /**
     * A life's stem, {@code <time>-<pid>}, made unique within the JVM: a window asked for in the
     * second the worker started, or a life ended within a second of the window, would otherwise
     * overwrite the earlier pair.
     */
    private String unusedStem() {
        LocalDateTime now = LocalDateTime.now();
        long pid = ProcessHandle.current().pid();
        String unused = OwnerOnly.lifeStem(now, pid, 1);
        for (int n = 2; !stems.add(unused); n++) {
            unused = OwnerOnly.lifeStem(now, pid, n);
        }
        return unused;
    }

    /** Loads the engine, once: async-profiler's library where it runs, else nothing (the Flight Recorder). */
    synchronized void choose() throws IOException {
        if (chosen) {
            return;
        }
        chosen = true;
        if ("jfr".equals(System.getProperty(ProfilerAddon.ENGINE_PROPERTY))) {
            ProfilerAddon.say("profiling with the JDK's Flight Recorder (-D" + ProfilerAddon.ENGINE_PROPERTY + "=jfr)");
            return;
        }
        try {
            profiler = ProfilerLibrary.load(natives);
            ProfilerAddon.say("profiling with async-profiler (" + PerfEvents.engineFor(options.profilerEvent()) + ")");
        } catch (IOException | RuntimeException | LinkageError e) {
            ProfilerAddon.say("async-profiler cannot run here (" + e.getMessage()
                    + "); profiling with the JDK's Flight Recorder instead");
        }
    }
}
