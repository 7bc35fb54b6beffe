package dev.respawn.front;

import java.util.function.Consumer;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request on its way to the application over an {@link Upstream}: the client's side, what to
 * send, and what to answer when the application's answer does not come whole.
 */
record Exchange(Request request, Response response, Callback callback, HttpURI target, HttpFields headers,
        Consumer<Throwable> onFailure) {

    void failed(Throwable failure) {
        onFailure.accept(failure);
    }
}
