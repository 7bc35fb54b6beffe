package dev.respawn.recorder.undertow;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;

/**
 * The Undertow side of the recorder, implemented by a class defined in the loader of the
 * application's Undertow (see {@link UndertowEntry}): only JDK and recorder types cross it.
 */
public interface ExchangeRecorder {

    /** The recorded exchange of this Undertow exchange, begun (with its bodies teed) on first sight. */
    Exchange enter(Object exchange, Recorder recorder);
}
