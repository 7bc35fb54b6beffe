package dev.respawn.front;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Adds {@link ReloadEvents#SCRIPT} at the end of an HTML page the application answers with
 * (a 200, not compressed, to any request but HEAD), for {@code --browser-reload}: browsers run a script after
 * {@code </html>} too, so nothing of the page is parsed or changed.
 */
final class ScriptInjection extends Response.Wrapper {

    private static final byte[] SCRIPT = ReloadEvents.SCRIPT.getBytes(StandardCharsets.UTF_8);

    private final Callback finished;
    private boolean decided;
    private boolean inject;
    private boolean added;

    private ScriptInjection(Request request, Response response, Callback finished) {
        super(request, response);
        this.finished = finished;
    }

    /** The response and the callback to hand the proxy for {@code request}. */
    record Wrapped(Response response, Callback callback) {
    }

    static Wrapped wrap(Request request, Response response, Callback callback) {
        if (HttpMethod.HEAD.is(request.getMethod())) {
            return new Wrapped(response, callback);
        }
        ScriptInjection injection = new ScriptInjection(request, response, callback);
        return new Wrapped(injection, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                // The script's write, if any, succeeds the application's callback.
                injection.complete();
            }
        });
    }

    @Override
    public void write(boolean last, ByteBuffer content, Callback callback) {
        decide();
        if (inject && last && !added) {
            added = true;
            super.write(false, content, Callback.from(() -> super.write(true, ByteBuffer.wrap(SCRIPT), callback),
                    callback::failed));
            return;
        }
        super.write(last, content, callback);
    }

    private void complete() {
        decide();
        if (inject && !added) {
            added = true;
            super.write(true, ByteBuffer.wrap(SCRIPT), finished);
        } else {
            finished.succeeded();
        }
    }

    /** Once, before the headers go: an uncompressed HTML 200 gets the script, and so no fixed length. */
    private void decide() {
        if (decided) {
            return;
        }
        decided = true;
        String type = getHeaders().get(HttpHeader.CONTENT_TYPE);
        inject = getStatus() == 200 && !isCommitted() && type != null && type.startsWith("text/html")
                && getHeaders().get(HttpHeader.CONTENT_ENCODING) == null;
        if (inject) {
            getHeaders().remove(HttpHeader.CONTENT_LENGTH);
        }
    }
}
