package dev.respawn.reloader.context;

/**
 * Told, on the serving thread itself, when a thread starts and stops serving a request (the
 * profiler samples only such threads with {@code --profile-requests}). Must be quick and must not throw.
 */
public interface RequestListener {

    /** The calling thread starts serving a request. */
    void entered();

    /** The calling thread is done with its request. */
    void left();
}
