package dev.respawn.reloader.builds;

import java.nio.file.Path;

/**
 * A build tool's process found building a project: the process, the tool ("Maven", "Gradle",
 * "mvnd") and the project directory it builds.
 */
public record RunningBuild(ProcessHandle process, String tool, Path project) {

    /** "the Maven build of /work/app (pid 4242)". */
    public String describe() {
        return "the " + tool + " build of " + project + " (pid " + process.pid() + ")";
    }
}
