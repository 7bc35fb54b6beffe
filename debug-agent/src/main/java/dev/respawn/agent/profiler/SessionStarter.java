package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;

import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.output.OwnerOnly;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;

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

    SessionStarter(Options options, Path directory, Path natives) {
        this.options = options;
        this.directory = directory;
        this.natives = natives;
    }

    synchronized ProfileSession start() throws IOException {
        choose();
        String stem = OwnerOnly.lifeStem();
        if (profiler != null) {
            return AsyncProfilerSession.start(profiler, options, directory, stem);
        }
        return JfrSession.start(directory, stem);
    }

    private synchronized void choose() throws IOException {
        if (chosen) {
            return;
        }
        chosen = true;
        if ("jfr".equals(System.getProperty(ProfilerAddon.ENGINE_PROPERTY))) {
            ProfilerAddon.say("profiling with the JDK's Flight Recorder (-D" + ProfilerAddon.ENGINE_PROPERTY + "=jfr)");
            return;
        }
        try {
            AsyncProfilerLoader.setExtractionDirectory(OwnerOnly.directories(natives));
            profiler = AsyncProfilerLoader.load();
            ProfilerAddon.say("profiling with async-profiler (" + PerfEvents.engineFor(options.profilerEvent()) + ")");
        } catch (IOException | RuntimeException | LinkageError e) {
            ProfilerAddon.say("async-profiler cannot run here (" + e.getMessage()
                    + "); profiling with the JDK's Flight Recorder instead");
        }
    }
}
