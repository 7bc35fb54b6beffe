package dev.respawn.recorder.jetty;

import dev.respawn.recorder.capture.Recorder;

/**
 * The Jetty side of the recorder, implemented by a class defined in the loader of the
 * application's Jetty (see {@link JettyEntry}): only JDK and recorder types cross it.
 */
public interface HandlerRecorder {

    /**
     * Begins recording a request: returns the recording request (index 0) and the exchange (1),
     * or null when it is not to be recorded. The exchange ends by itself, when Jetty has sent the
     * response, whoever wrote it.
     */
    Object[] enter(Object request, Recorder recorder);
}
