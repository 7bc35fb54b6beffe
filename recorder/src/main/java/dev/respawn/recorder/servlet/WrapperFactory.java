package dev.respawn.recorder.servlet;

import dev.respawn.recorder.capture.Recorder;

/**
 * The servlet side of the recorder, implemented by classes defined in the server's own class
 * loader (see {@link WrapperInjector}): only JDK and recorder types cross this interface, so the
 * recorder never links against a servlet API.
 */
public interface WrapperFactory {

    /**
     * Starts recording the outermost call of a request: returns the wrapped request and response
     * (indexes 0 and 1; the rest is the factory's), or null when this request is already being
     * recorded (a nested filter chain, a forward, an error dispatch) or is not HTTP.
     */
    Object[] enter(Object request, Object response, Recorder recorder);

    /** Ends what {@link #enter} started, now or when the request's async processing completes. */
    void exit(Object[] state, Throwable thrown, Recorder recorder);
}
