package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiPredicate;

import dev.respawn.reloader.context.LifeOutputs;
import dev.respawn.reloader.output.Retention;

/**
 * The worker's profile: one session per life of the application, written as it ends (the JVM's
 * exit, or a restart inside the JVM); a window asked for while it runs closes the life so far,
 * profiles just the window, then profiles the rest of the life anew.
 */
final class Profiling {

    private static final Duration DRAWING_PATIENCE = Duration.ofSeconds(10);

    private final SessionStarter starter;
    /** Where the flame graphs of lives that ended inside the JVM are drawn, once the next life is up. */
    private final LifeOutputs outputs;
    private ProfileSession current;
    private boolean finished;

    Profiling(SessionStarter starter, LifeOutputs outputs) {
        this.starter = starter;
        this.outputs = outputs;
    }

    /**
     * Profiles the life that begins now; nothing once the worker is stopping, nor when a window
     * asked for meanwhile is being profiled already (it profiles the rest of the life after it).
     */
    synchronized void startLife() throws IOException {
        if (finished || current != null) {
            return;
        }
        current = starter.start();
    }

    /** Writes what is being recorded, as the JVM ends, and lets the last life's flame graph be drawn. */
    void finish() {
        finish((jfr, event) -> false);
    }

    /**
     * {@link #finish()}, but the last life's flame graph is left to whoever {@code handOff} accepts
     * it (the supervisor, after a process restart): the JVM then ends as soon as its recording is.
     *
     * @param handOff takes the recording and its event; false when the worker must draw it itself
     */
    synchronized void finish(BiPredicate<Path, String> handOff) {
        finished = true;
        outputs.awaitWritten(DRAWING_PATIENCE);
        if (current != null) {
            write(current, true, handOff);
            current = null;
        }
    }

    /**
     * Ends the life's recording and profiles the next life, as a restart inside the JVM begins it;
     * the flame graph of the life that ended is drawn off the restart's path, once the next life is up.
     */
    synchronized void nextLife() {
        if (finished || current == null) {
            return;
        }
        ProfileSession ended = current;
        current = null;
        try {
            Path jfr = ended.stop();
            // The shutdown hook waits for it (finish), so the JVM's exit does not lose it.
            outputs.write(() -> ProfilerAddon.say(drawn(jfr, ended)));
        } catch (IOException | RuntimeException e) {
            ProfilerAddon.say("could not write the profile: " + e.getMessage());
        }
        try {
            current = starter.start();
        } catch (IOException | RuntimeException e) {
            ProfilerAddon.say("could not profile the new life: " + e.getMessage());
        }
    }

    /** Profiles the next {@code length}, writes it, and answers with the files' names. */
    String window(Duration length) throws IOException, InterruptedException {
        ProfileSession window;
        synchronized (this) {
            if (finished) {
                throw new IllegalStateException("the worker is stopping");
            }
            if (current != null) {
                write(current, false, (jfr, event) -> false);
            }
            window = starter.start();
            current = window;
        }
        Thread.sleep(length.toMillis());
        synchronized (this) {
            if (current != window) {
                // The worker stopped or the application restarted meanwhile, and the window was written then.
                throw new IllegalStateException("the application stopped or restarted during the window; its profile "
                        + "was written then (the terminal names it)");
            }
            String written = drawn(window.stop(), window);
            current = starter.start();
            return written;
        }
    }

    private void write(ProfileSession session, boolean atExit, BiPredicate<Path, String> handOff) {
        try {
            Path jfr = atExit ? session.stopAtExit() : session.stop();
            if (handOff.test(jfr, session.event())) {
                ProfilerAddon.say("profile recorded: " + jfr + " (its flame graph is drawn once the next worker serves)");
                return;
            }
            ProfilerAddon.say(drawn(jfr, session));
        } catch (IOException | RuntimeException e) {
            ProfilerAddon.say("could not write the profile: " + e.getMessage());
        }
    }

    /** Draws the flame graph of {@code session}'s recording, names what was written, and lets older lives' go. */
    private String drawn(Path jfr, ProfileSession session) {
        ProfileSession.Written written = ProfileSession.Written.drawn(jfr, session.event());
        try {
            Retention.prune(jfr.toAbsolutePath().getParent(), starter.keepLives(), List.of(".html", ".jfr"));
        } catch (IOException | RuntimeException e) {
            ProfilerAddon.say("could not delete older profiles (--keep-lives): " + e.getMessage());
        }
        return "profile written: " + written.html().map(html -> html + " and ").orElse("") + written.jfr();
    }
}
