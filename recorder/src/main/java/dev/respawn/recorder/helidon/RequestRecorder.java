package dev.respawn.recorder.helidon;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;

/**
 * The Helidon side of the recorder, implemented by a class defined in the loader of the
 * application's Helidon (see {@link HelidonEntry}): only JDK and recorder types cross it.
 */
public interface RequestRecorder {

    /** Begins the exchange of a routed request, with both bodies teed and its end hooked. */
    Exchange enter(Object request, Object response, Recorder recorder);
}
