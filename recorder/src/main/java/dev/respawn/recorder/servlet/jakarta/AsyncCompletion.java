package dev.respawn.recorder.servlet.jakarta;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/** Ends an exchange whose request went async when its processing completes, fails or times out. */
public final class AsyncCompletion implements AsyncListener {

    private final RecordingResponse response;

    AsyncCompletion(RecordingResponse response) {
        this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        response.finish(null);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        response.finish(null);
    }

    @Override
    public void onError(AsyncEvent event) {
        Throwable failure = event.getThrowable();
        response.finish(failure == null ? new IllegalStateException("the request's async processing failed") : failure);
    }

    /** A new async cycle drops the listeners: stay on. */
    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
