package dev.respawn.reloader.context;

/**
 * The application's lives inside one worker JVM, so that an add-on that keeps its files per life
 * (a profile) hears when a restart inside the JVM ends one and begins the next.
 */
@FunctionalInterface
public interface Lives {

    /** For a worker whose application is never restarted inside its JVM. */
    Lives NONE = listener -> {
    };

    /**
     * Runs {@code listener} on the restarting thread once the application has stopped cleanly for
     * a restart inside the JVM, before the next life's {@code main} begins. A listener that throws
     * is skipped; the restart goes on.
     */
    void onRestart(Runnable listener);

    /** Where an add-on writes a life's files once it ended, off the next life's start (see {@link LifeOutputs}). */
    default LifeOutputs outputs() {
        return new LifeOutputs();
    }
}
