package dev.respawn.recorder.jetty.handler;

import org.eclipse.jetty.util.Callback;

/** The request's completion: the exchange ends (is journaled) just before Jetty learns of it. */
final class RecordingCallback implements Callback {

    private final Callback callback;
    private final RecordingResponse response;

    RecordingCallback(Callback callback, RecordingResponse response) {
        this.callback = callback;
        this.response = response;
    }

    @Override
    public void succeeded() {
        response.finish(null);
        callback.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
        response.finish(failure);
        callback.failed(failure);
    }

    @Override
    public InvocationType getInvocationType() {
        return callback.getInvocationType();
    }
}
