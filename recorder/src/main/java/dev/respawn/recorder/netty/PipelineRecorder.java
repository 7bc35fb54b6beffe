package dev.respawn.recorder.netty;

import dev.respawn.recorder.capture.Recorder;

/**
 * The Netty side of the recorder, implemented by a class defined in the loader of the
 * application's Netty (see {@link NettyEntry}): only JDK and recorder types cross this interface.
 */
public interface PipelineRecorder {

    /** How a codec that joined a pipeline takes part in HTTP: it decodes requests, encodes responses, or both. */
    int REQUESTS = 1;
    int RESPONSES = 2;
    int BOTH = REQUESTS | RESPONSES;

    /** Puts a recording handler right after {@code codec} in {@code pipeline}, unless one is there. */
    void codecAdded(Object pipeline, Object codec, int role, Recorder recorder);
}
