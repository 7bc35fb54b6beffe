package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import dev.respawn.reloader.output.OwnerOnly;

/** One running profile that, stopped, leaves a JFR recording to draw a flame graph from. */
interface ProfileSession {

    /** Stops profiling; the recording is complete when this returns. */
    Path stop() throws IOException;

    /** Stops profiling from a shutdown hook, as the JVM ends. */
    default Path stopAtExit() throws IOException {
        return stop();
    }

    /** What the flame graph draws: {@code cpu}, {@code wall}, {@code alloc} or {@code lock} samples. */
    String event();

    /** What a stopped session wrote: its recording and, where it had samples to draw, its flame graph. */
    record Written(Path jfr, Optional<Path> html) {

        static Written drawn(Path jfr, String event) {
            try {
                // The Flight Recorder and async-profiler create their files with the process's umask.
                OwnerOnly.restrict(jfr);
            } catch (IOException e) {
                ProfilerAddon.say("could not make " + jfr + " owner-only: " + e.getMessage());
            }
            return new Written(jfr, FlameGraphs.fromJfr(jfr, event));
        }
    }
}
