package dev.respawn.front;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The front's own answers when the application cannot give one: an HTML page for a browser, and
 * RFC 9457 {@code application/problem+json} for any other client, chosen by {@code Accept}.
 */
final class Answers {

    private static final Gson GSON = new Gson();

    private final boolean browserReload;

    /** @param browserReload whether HTML answers reload themselves once the application serves again */
    Answers(boolean browserReload) {
        this.browserReload = browserReload;
    }

    void problem(Request request, Response response, Callback callback, int status, String title, String detail) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String body;
        if (wantsHtml(request)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            body = html(status, title, detail) + (browserReload ? ReloadEvents.SCRIPT : "");
        } else {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            body = GSON.toJson(problem);
        }
        Content.Sink.write(response, true, body, callback);
    }

    /** A browser asks for HTML first; API clients ask for JSON, or for anything. */
    static boolean wantsHtml(Request request) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.contains("text/html");
    }

    static String html(int status, String title, String detail) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;margin:2em}pre{background:#fdf1f1;padding:1em;"
                + "border-left:4px solid #c33;white-space:pre-wrap}</style></head><body>"
                + "<h1>" + status + " " + escape(title) + "</h1>\n<pre>" + escape(detail) + "</pre>\n"
                + "<p>respawn's front answered for the application.</p>"
                + "</body></html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
