package dev.respawn.recorder.har;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * The recorder's part of the supervisor: a worker that could not write its HAR as it stopped
 * (killed after the shutdown timeout, or crashed) leaves a journal, which becomes HAR here.
 */
public final class RecorderExtension implements SupervisorExtension {

    private final Path directory;
    private final PrintStream err;

    public RecorderExtension(Path directory, PrintStream err) {
        this.directory = directory;
        this.err = err;
    }

    @Override
    public void stopped(long pid, int exitCode) {
        try {
            for (Path journal : HarFile.journalsOf(directory, pid)) {
                report(err, HarFile.convert(journal, "supervisor"));
            }
        } catch (IOException | RuntimeException e) {
            err.println("respawn: could not turn worker " + pid + "'s journal into HAR (" + e
                    + "); try: java -jar respawn.jar har " + directory);
        }
    }

    static void report(PrintStream out, HarFile.Converted converted) {
        if (converted.har() != null) {
            out.println("respawn: recorded " + converted.entries() + " exchange" + (converted.entries() == 1 ? "" : "s")
                    + " in " + converted.har() + (converted.damaged() > 0
                            ? " (" + converted.damaged() + " cut short by the kill left out)" : ""));
        }
    }
}
