package dev.respawn.recorder.jetty;

import dev.respawn.recorder.capture.Recorder;

/**
 * The Jetty side of the recorder, implemented by a class defined in the loader of the
 * application's Jetty (see {@link JettyEntry}): only JDK and recorder types cross it.
 */
public interface HandlerRecorder {

    /**
     * Begins recording a request: returns the recording request, response and callback (indexes
     * 0 to 2) and the exchange (3), or null when it is not to be recorded.
     */
    Object[] enter(Object request, Object response, Object callback, Recorder recorder);

    /** The server's handle returned ({@code handled} or not) or threw: what that means for the exchange. */
    void exit(Object[] state, boolean handled, Throwable thrown);
}
