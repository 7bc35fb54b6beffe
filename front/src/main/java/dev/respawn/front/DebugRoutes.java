package dev.respawn.front;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;

import dev.respawn.reloader.options.Options;

/**
 * Everything under {@code /_respawn/}: the page and the add-ons' files, read-only, and only for a
 * request that names this machine's loopback as its host (a page elsewhere cannot reach them by
 * pointing its own name at 127.0.0.1).
 */
final class DebugRoutes {

    /** The add-ons' folders; null for an add-on that is off. */
    record Folders(Path exceptions, Path recordings, Path profiles, Path coverage) {

        static Folders of(Options options) {
            return new Folders(options.captureExceptions() ? options.exceptionsDirectory() : null,
                    options.enableRecorder() ? options.recorderDirectory() : null,
                    options.enableProfiler() ? options.profilerDirectory() : null,
                    options.enableCoverage() ? options.coverageDirectory() : null);
        }
    }

    static final String PREFIX = "/_respawn";

    private DebugRoutes() {
    }

    static Handler of(Server server, FrontStatus status, Folders folders, Handler events, boolean browserReload) {
        List<Handler> routes = new ArrayList<>();
        ContextHandler eventStream = new ContextHandler(events, PREFIX + "/events");
        eventStream.setAllowNullPathInContext(true);
        routes.add(eventStream);
        folder(server, routes, "exceptions", folders.exceptions());
        folder(server, routes, "recordings", folders.recordings());
        folder(server, routes, "profiles", folders.profiles());
        folder(server, routes, "coverage", folders.coverage());
        ContextHandler page = new ContextHandler(new DebugPage(status, folders, browserReload), PREFIX);
        routes.add(page);
        return new LoopbackHostOnly(new Handler.Sequence(routes));
    }

    private static void folder(Server server, List<Handler> routes, String name, Path folder) {
        if (folder != null) {
            routes.add(new ContextHandler(new Handler.Sequence(StaticFolders.files(server, folder.toAbsolutePath()),
                    new StaticFolders.NotFound()), PREFIX + "/" + name));
        }
    }

    /** Answers only requests under {@link #PREFIX} whose Host is a loopback name. */
    static final class LoopbackHostOnly extends Handler.Wrapper {

        LoopbackHostOnly(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = request.getHttpURI().getPath();
            if (path == null || !(path.equals(PREFIX) || path.startsWith(PREFIX + "/"))) {
                return false;
            }
            if (!loopback(request.getHeaders().get(HttpHeader.HOST))) {
                Response.writeError(request, response, callback, 403, "/_respawn/ answers only to 127.0.0.1 or localhost");
                return true;
            }
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
            return true;
        }

        static boolean loopback(String host) {
            if (host == null) {
                return false;
            }
            String name = host.toLowerCase(Locale.ROOT);
            if (name.startsWith("[")) {
                return name.startsWith("[::1]");
            }
            int colon = name.indexOf(':');
            name = colon < 0 ? name : name.substring(0, colon);
            return name.equals("127.0.0.1") || name.equals("localhost");
        }
    }
}
