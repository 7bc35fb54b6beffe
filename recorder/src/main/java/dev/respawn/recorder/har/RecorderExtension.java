package dev.respawn.recorder.har;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import dev.respawn.reloader.output.Handoff;
import dev.respawn.reloader.output.Retention;
import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * The recorder's part of the supervisor: a worker that could not write its HAR as it stopped
 * (killed after the shutdown timeout, or crashed) leaves a journal, which becomes HAR here; so
 * does the last life's journal of a worker stopped for a process restart ({@link Handoff}), once
 * the next worker serves, its older lives pruned as the worker would have ({@code --keep-lives}).
 */
public final class RecorderExtension implements SupervisorExtension {

    private final Path directory;
    private final Path debugDirectory;
    private final int keepLives;
    private final PrintStream err;

    public RecorderExtension(Path directory, Path debugDirectory, int keepLives, PrintStream err) {
        this.directory = directory;
        this.debugDirectory = debugDirectory;
        this.keepLives = keepLives;
        this.err = err;
    }

    @Override
    public void stopped(long pid, int exitCode) {
        if (Handoff.isMarked(debugDirectory, pid)) {
            // Its journal is finishOutputs', once the next worker serves.
            return;
        }
        convert(pid, "supervisor");
    }

    @Override
    public boolean finishesOutputs() {
        return true;
    }

    @Override
    public void finishOutputs(long pid) {
        String version = RecorderExtension.class.getPackage().getImplementationVersion();
        if (convert(pid, version == null ? "development" : version)) {
            try {
                Retention.prune(directory, keepLives, List.of(".har"));
            } catch (IOException | RuntimeException e) {
                err.println("respawn: could not delete older HAR files (--keep-lives): " + e.getMessage());
            }
        }
    }

    /** Turns {@code pid}'s journals into HAR; whether any was. */
    private boolean convert(long pid, String creatorVersion) {
        boolean any = false;
        try {
            for (Path journal : HarFile.journalsOf(directory, pid)) {
                report(err, HarFile.convert(journal, creatorVersion));
                any = true;
            }
        } catch (IOException | RuntimeException e) {
            err.println("respawn: could not turn worker " + pid + "'s journal into HAR (" + e
                    + "); try: java -jar respawn.jar har " + directory);
        }
        return any;
    }

    static void report(PrintStream out, HarFile.Converted converted) {
        if (converted.har() != null) {
            out.println("respawn: recorded " + converted.entries() + " exchange" + (converted.entries() == 1 ? "" : "s")
                    + " in " + converted.har() + (converted.damaged() > 0
                            ? " (" + converted.damaged() + " cut short by the kill left out)" : ""));
        }
    }
}
