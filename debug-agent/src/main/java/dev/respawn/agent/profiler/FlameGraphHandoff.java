package dev.respawn.agent.profiler;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.respawn.reloader.output.Handoff;
import dev.respawn.reloader.output.OwnerOnly;
import dev.respawn.reloader.output.Retention;
import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * The last life's flame graph, drawn by the supervisor instead of the worker when a process
 * restart stops it ({@link Handoff}): drawing it took the C1-only worker hundreds of milliseconds
 * that the next worker waited for. The worker writes its JFR recording and notes it; the supervisor
 * draws it once the next worker serves, with the worker's title, and prunes older lives
 * ({@code --keep-lives}) as the worker would have.
 */
public final class FlameGraphHandoff implements SupervisorExtension {

    private static final String KIND = "profile";

    private final Path debugDirectory;
    private final int keepLives;
    private final PrintStream err;

    public FlameGraphHandoff(Path debugDirectory, int keepLives, PrintStream err) {
        this.debugDirectory = debugDirectory;
        this.keepLives = keepLives;
        this.err = err;
    }

    /**
     * The worker's side, as it stops: leaves {@code jfr}'s flame graph to the supervisor when the
     * supervisor has taken this worker's files; false when the worker must draw it itself.
     */
    static boolean handOff(Path debugDirectory, Path jfr, String event) {
        if (!Handoff.isMine(debugDirectory)) {
            return false;
        }
        try {
            // The Flight Recorder and async-profiler create their files with the process's umask.
            OwnerOnly.restrict(jfr);
        } catch (IOException e) {
            ProfilerAddon.say("could not make " + jfr + " owner-only: " + e.getMessage());
        }
        return Handoff.note(debugDirectory, String.join("\t", KIND, event, jfr.toAbsolutePath().toString(),
                FlameGraphs.title().replace('\t', ' ')));
    }

    @Override
    public boolean finishesOutputs() {
        return true;
    }

    @Override
    public void finishOutputs(long pid) {
        for (String note : Handoff.notes(debugDirectory, pid)) {
            String[] fields = note.split("\t", 4);
            if (fields.length == 4 && fields[0].equals(KIND)) {
                draw(Path.of(fields[2]), fields[1], fields[3]);
            }
        }
    }

    private void draw(Path jfr, String event, String title) {
        if (!Files.isRegularFile(jfr) || Files.exists(FlameGraphs.htmlOf(jfr))) {
            // Drawn already (finished twice), or deleted meanwhile by --keep-lives.
            return;
        }
        Optional<Path> html = FlameGraphs.fromJfr(jfr, event, title);
        err.println("respawn: profile written: " + html.map(drawn -> drawn + " and ").orElse("") + jfr);
        try {
            Retention.prune(jfr.toAbsolutePath().getParent(), keepLives, List.of(".html", ".jfr"));
        } catch (IOException | RuntimeException e) {
            err.println("respawn: could not delete older profiles (--keep-lives): " + e.getMessage());
        }
    }
}
