package dev.respawn.front;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

import dev.respawn.reloader.options.OptionsException;
import dev.respawn.reloader.options.UrlAlias;

/**
 * Folders the front serves itself at a URL path, as they are on disk at each request (no cache, no
 * restart when they change), with Jetty's content types, ETag and Last-Modified; a path under an
 * alias with no file is a 404, never the application's.
 */
final class StaticFolders {

    private StaticFolders() {
    }

    /** One handler per alias, the longest URL path first; {@code base} resolves relative folders. */
    static List<Handler> of(Server server, List<UrlAlias> aliases, Path base) {
        List<UrlAlias> longestFirst = new ArrayList<>(aliases);
        longestFirst.sort(Comparator.comparingInt((UrlAlias alias) -> alias.urlPath().length()).reversed());
        List<Handler> handlers = new ArrayList<>();
        for (UrlAlias alias : longestFirst) {
            Path directory = base.resolve(alias.directory()).toAbsolutePath().normalize();
            if (!Files.isDirectory(directory)) {
                throw new OptionsException("--url-alias " + alias.urlPath() + " " + alias.directory() + ": " + directory
                        + " is not a directory");
            }
            handlers.add(new ContextHandler(new Handler.Sequence(files(server, directory), new NotFound()), alias.urlPath()));
        }
        return handlers;
    }

    /** Read-only files of {@code directory}: no listing, no mapped files that a change would break. */
    static ResourceHandler files(Server server, Path directory) {
        ResourceHandler files = new ResourceHandler() {
            @Override
            protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized bufferPool) {
                // Jetty's default caches contents and validates them once a second; a developer's
                // change must show at the next request.
                return new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), bufferPool);
            }
        };
        files.setBaseResource(ResourceFactory.of(server).newResource(directory));
        files.setDirAllowed(false);
        files.setUseFileMapping(false);
        files.setEtags(true);
        files.setCacheControl("no-cache");
        return files;
    }

    /** What no file answered under a respawn path. */
    static final class NotFound extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
    }
}
