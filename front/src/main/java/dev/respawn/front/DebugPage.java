package dev.respawn.front;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /_respawn/}: one read-only page of what the debug-mode add-ons wrote, newest first: the
 * worker's state, exception reports (their text, with each frame's values), recordings per life,
 * flame graphs (opened in the page), and the coverage report. The files themselves are served
 * under {@code /_respawn/<kind>/} by {@link DebugRoutes}.
 */
final class DebugPage extends Handler.Abstract {

    private static final int RECENT = 10;
    private static final long TEXT_LIMIT = 64 * 1024;

    private final FrontStatus status;
    private final DebugRoutes.Folders folders;
    private final boolean browserReload;

    /** @param browserReload whether the page reloads itself after each reload (--browser-reload) */
    DebugPage(FrontStatus status, DebugRoutes.Folders folders, boolean browserReload) {
        this.status = status;
        this.folders = folders;
        this.browserReload = browserReload;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.isEmpty() && !path.equals("/")) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        Content.Sink.write(response, true, page(), callback);
        return true;
    }

    String page() {
        FrontStatus.Snapshot now = status.snapshot();
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>respawn</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;max-width:70em}h2{margin-top:1.5em;")
                .append("border-bottom:1px solid #ccc}pre{background:#f6f6f6;padding:.8em;white-space:pre-wrap;")
                .append("font-size:.85em}.state{font-size:1.2em}.bad{color:#b00}iframe{width:100%;height:40em;")
                .append("border:1px solid #ccc}li{margin:.2em 0}</style></head><body>\n")
                .append("<h1>respawn</h1>\n<section id=\"worker\"><h2>Worker</h2><p class=\"state")
                .append(now.state().equals("not serving") ? " bad" : "").append("\">")
                .append(Answers.escape(now.state())).append("</p><p id=\"last-reload\">Last reload: ")
                .append(Answers.escape(now.lastReload())).append("</p>");
        if (!now.detail().isEmpty()) {
            html.append("<pre class=\"bad\">").append(Answers.escape(now.detail())).append("</pre>");
        }
        html.append("</section>\n");
        exceptions(html);
        list(html, "recordings", "Recordings (one HAR per life)", folders.recordings(), ".har", "");
        List<Path> profiles = list(html, "profiles", "Profiles (flame graphs)", folders.profiles(), ".html",
                " target=\"flame\"");
        if (!profiles.isEmpty()) {
            // The newest flame graph open in the page; a link opens another in its place.
            html.append("<iframe name=\"flame\" title=\"flame graph\" src=\"profiles/")
                    .append(Answers.escape(profiles.get(0).getFileName().toString())).append("\"></iframe>\n");
        }
        coverage(html);
        html.append(browserReload ? ReloadEvents.SCRIPT : "").append("</body></html>\n");
        return html.toString();
    }

    private void exceptions(StringBuilder html) {
        html.append("<section id=\"exceptions\"><h2>Exceptions</h2>");
        List<Path> reports = newest(folders.exceptions(), ".txt");
        if (reports.isEmpty()) {
            html.append("<p>None reported").append(folders.exceptions() == null ? " (--capture-exceptions is off)" : "")
                    .append(".</p>");
        }
        for (Path report : reports) {
            String name = report.getFileName().toString();
            String json = name.substring(0, name.length() - ".txt".length()) + ".json";
            html.append("<details><summary>").append(Answers.escape(name)).append(" (<a href=\"exceptions/")
                    .append(Answers.escape(json)).append("\">JSON</a>)</summary><pre>").append(Answers.escape(text(report)))
                    .append("</pre></details>\n");
        }
        html.append("</section>\n");
    }

    private List<Path> list(StringBuilder html, String id, String title, Path folder, String suffix, String target) {
        html.append("<section id=\"").append(id).append("\"><h2>").append(title).append("</h2>");
        List<Path> files = newest(folder, suffix);
        if (files.isEmpty()) {
            html.append("<p>None yet").append(folder == null ? " (the add-on is off)" : "").append(".</p>");
        } else {
            html.append("<ul>");
            for (Path file : files) {
                String name = Answers.escape(file.getFileName().toString());
                html.append("<li><a href=\"").append(id).append('/').append(name).append('"').append(target).append('>')
                        .append(name).append("</a> (").append(size(file)).append(")</li>");
            }
            html.append("</ul>");
        }
        html.append("</section>\n");
        return files;
    }

    private void coverage(StringBuilder html) {
        html.append("<section id=\"coverage\"><h2>Coverage</h2>");
        Path folder = folders.coverage();
        if (folder != null && Files.isRegularFile(folder.resolve("html/index.html"))) {
            html.append("<p><a href=\"coverage/html/index.html\">The coverage report</a> (written when the worker stops,")
                    .append(" or by <code>respawn coverage report</code>)</p>");
        } else {
            html.append("<p>No report yet").append(folder == null ? " (--enable-coverage is off)" : "").append(".</p>");
        }
        html.append("</section>\n");
    }

    private static List<Path> newest(Path folder, String suffix) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix) && Files.isRegularFile(file))
                    .sorted(Comparator.comparing(DebugPage::modified).reversed()).limit(RECENT).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String size(Path file) {
        try {
            long bytes = Files.size(file);
            return bytes < 10_000 ? bytes + " B" : (bytes + 512) / 1024 + " KiB";
        } catch (IOException e) {
            return "gone";
        }
    }

    private static String text(Path file) {
        try {
            byte[] bytes;
            try (var in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) TEXT_LIMIT);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read it: " + e.getMessage() + ")";
        }
    }
}
