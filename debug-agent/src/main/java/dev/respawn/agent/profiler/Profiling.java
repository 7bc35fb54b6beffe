package dev.respawn.agent.profiler;

import java.io.IOException;
import java.time.Duration;

/**
 * The worker's profile: one session over its life, written as it ends; a window asked for while it
 * runs closes the life so far, profiles just the window, then profiles the rest of the life anew.
 */
final class Profiling {

    private final SessionStarter starter;
    private ProfileSession current;
    private boolean finished;

    Profiling(SessionStarter starter) {
        this.starter = starter;
    }

    synchronized void startLife() throws IOException {
        current = starter.start();
    }

    /** Writes what is being recorded, as the JVM ends. */
    synchronized void finish() {
        finished = true;
        if (current != null) {
            write(current, true);
            current = null;
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
                write(current, false);
            }
            window = starter.start();
            current = window;
        }
        Thread.sleep(length.toMillis());
        synchronized (this) {
            if (current != window) {
                // The worker stopped meanwhile and finish() wrote the window.
                throw new IllegalStateException("the worker stopped during the window; its profile was written as it stopped");
            }
            ProfileSession.Written written = window.stop();
            current = starter.start();
            return "profile written: " + describe(written);
        }
    }

    private static void write(ProfileSession session, boolean atExit) {
        try {
            ProfileSession.Written written = atExit ? session.stopAtExit() : session.stop();
            ProfilerAddon.say("profile written: " + describe(written));
        } catch (IOException | RuntimeException e) {
            ProfilerAddon.say("could not write the profile: " + e.getMessage());
        }
    }

    private static String describe(ProfileSession.Written written) {
        return written.html().map(html -> html + " and ").orElse("") + written.jfr();
    }
}
