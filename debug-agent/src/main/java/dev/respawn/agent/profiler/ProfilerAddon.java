package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;

import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.output.OwnerOnly;

/**
 * Profiles each worker's life: async-profiler (through ap-loader, loaded from premain) where it
 * runs, the JDK's own Flight Recorder where it does not, and on the way out a flame graph (HTML)
 * and a JFR recording, {@code profiles/<time>-<pid>.html} and {@code .jfr}.
 */
public final class ProfilerAddon {

    /** Set to {@code jfr} on the worker to use the JDK's Flight Recorder even where async-profiler runs. */
    static final String ENGINE_PROPERTY = "respawn.profiler";

    private ProfilerAddon() {
    }

    public static void install(Options options) throws IOException {
        Path directory = OwnerOnly.directories(options.profilerDirectory());
        ProfileSession session = start(options, directory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> finish(session), "respawn-profiler"));
    }

    private static ProfileSession start(Options options, Path directory) throws IOException {
        String stem = OwnerOnly.lifeStem();
        if (!"jfr".equals(System.getProperty(ENGINE_PROPERTY))) {
            Path natives = OwnerOnly.directories(options.debugDirectory().resolve("native"));
            try {
                AsyncProfilerSession session = AsyncProfilerSession.start(options, natives, directory, stem);
                say("profiling with async-profiler (" + session.engine() + ")");
                return session;
            } catch (IOException | RuntimeException | LinkageError e) {
                say("async-profiler cannot run here (" + e.getMessage()
                        + "); profiling with the JDK's Flight Recorder instead");
            }
        } else {
            say("profiling with the JDK's Flight Recorder (-D" + ENGINE_PROPERTY + "=jfr)");
        }
        return JfrSession.start(directory, stem);
    }

    private static void finish(ProfileSession session) {
        try {
            ProfileSession.Written files = session.stop();
            say("profile written: " + files.html().map(html -> html + " and ").orElse("") + files.jfr());
        } catch (IOException | RuntimeException e) {
            say("could not write the profile: " + e.getMessage());
        }
    }

    static void say(String message) {
        System.err.println("respawn: " + message);
    }
}
