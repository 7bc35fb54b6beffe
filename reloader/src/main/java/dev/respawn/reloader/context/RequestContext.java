package dev.respawn.reloader.context;

import java.util.Optional;

/**
 * The HTTP request the calling thread is serving, as the recorder sees it, so that another add-on
 * (an exception report, a profile) can cite it without knowing the recorder.
 *
 * <p>The recorder binds a request to the thread that enters the server's handler and unbinds it
 * when the handler returns; work the application hands to other threads is not attributed.
 */
@FunctionalInterface
public interface RequestContext {

    /** The context when the recorder is off: never a request. */
    RequestContext NONE = Optional::empty;

    /** The request the calling thread serves now, if any. */
    Optional<CurrentRequest> current();

    /** Adds a listener told when threads start and stop serving requests (never, without a recorder). */
    default void listen(RequestListener listener) {
    }

    /**
     * One request in flight.
     *
     * @param id the exchange's id, as the HAR's {@code _id} field has it
     * @param method the request method
     * @param url the full request URL
     */
    record CurrentRequest(String id, String method, String url) {
    }
}
