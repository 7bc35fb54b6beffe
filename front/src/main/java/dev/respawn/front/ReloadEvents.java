package dev.respawn.front;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /_respawn/events}: server-sent events that tell open pages a reload has completed (or that
 * no application can serve, so that the page shows why), for {@code --browser-reload}.
 */
final class ReloadEvents extends Handler.Abstract {

    /** What the front adds to HTML pages: reload once the next reload has completed. */
    static final String SCRIPT = "<script>(function(){if(!window.EventSource)return;"
            + "var s=new EventSource('/_respawn/events');"
            + "s.addEventListener('reload',function(){s.close();location.reload();});})();</script>\n";

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Client client = new Client(response, callback);
        clients.add(client);
        client.send(": respawn\n\n");
        return true;
    }

    /** Tells every open page to reload. */
    void reloaded() {
        for (Client client : clients) {
            client.send("event: reload\ndata: 1\n\n");
        }
    }

    int clients() {
        return clients.size();
    }

    /** One open page; a write at a time, and a page that went away is dropped at the next event. */
    private final class Client {

        private final Response response;
        private final Callback done;
        private boolean writing;

        Client(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        synchronized void send(String event) {
            if (writing) {
                return;
            }
            writing = true;
            response.write(false, ByteBuffer.wrap(event.getBytes(StandardCharsets.UTF_8)), Callback.from(() -> {
                synchronized (this) {
                    writing = false;
                }
            }, failure -> {
                clients.remove(this);
                done.failed(failure);
            }));
        }
    }
}
