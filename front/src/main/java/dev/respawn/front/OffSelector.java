package dev.respawn.front;

import java.util.List;
import java.util.concurrent.Executor;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The front's own pages and files (which read files as they answer) on a thread of the pool, so
 * that the forwarding, which never blocks, can run on the thread that read the request: Jetty
 * hands a request over to another thread unless every handler says it does not block, and on a
 * developer's two cores each hand-over costs as much as forwarding the request.
 */
final class OffSelector extends Handler.Wrapper {

    private final List<String> paths;
    private final Executor executor;

    /** @param paths the URL paths the handler answers: each, and everything under it */
    OffSelector(Handler handler, List<String> paths, Executor executor) {
        super(handler);
        this.paths = List.copyOf(paths);
        this.executor = executor;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!answers(request.getHttpURI().getPath())) {
            return false;
        }
        executor.execute(() -> {
            try {
                if (!super.handle(request, response, callback)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable failure) {
                callback.failed(failure);
            }
        });
        return true;
    }

    private boolean answers(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : paths) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }
}
