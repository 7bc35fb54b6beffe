package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One running profile that, stopped, leaves a JFR recording and, where it can, a flame graph. */
interface ProfileSession {

    /** Stops profiling and writes the files. */
    Written stop() throws IOException;

    /** Stops profiling and writes the files from a shutdown hook, as the JVM ends. */
    default Written stopAtExit() throws IOException {
        return stop();
    }

    /** What a stopped session wrote. */
    record Written(Path jfr, Optional<Path> html) {
    }
}
