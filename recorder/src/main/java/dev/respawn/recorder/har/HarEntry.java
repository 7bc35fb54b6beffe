package dev.respawn.recorder.har;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.google.gson.stream.JsonWriter;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

/**
 * One exchange as a HAR 1.2 entry, plus respawn's custom fields: {@code _id}, {@code _pid},
 * {@code _encoding} on a binary request body, {@code _truncated} on a body cut at the limit, and,
 * as Chrome writes it, {@code _error} on a response that never completed (status 0 if none was sent).
 * A gzip or deflate body is written decoded, as browsers write it ({@link ContentCoding}); a request
 * body so coded also keeps the bytes as sent, base64, in {@code postData._sent}, which a replay sends.
 * Written when the journal becomes HAR, straight to a {@link JsonWriter}, field by field.
 */
final class HarEntry {

    private HarEntry() {
    }

    static void write(RecordedExchange exchange, JsonWriter out) throws IOException {
        out.beginObject();
        out.name("startedDateTime").value(StartedTime.format(exchange.started()));
        out.name("time").value(exchange.durationMillis());
        request(exchange, out.name("request"));
        response(exchange, out.name("response"));
        out.name("cache").beginObject().endObject();
        out.name("timings").beginObject();
        out.name("send").value(0);
        out.name("wait").value(exchange.durationMillis());
        out.name("receive").value(0);
        out.endObject();
        out.name("_id").value(exchange.id());
        out.name("_pid").value(exchange.pid());
        out.endObject();
    }

    private static void request(RecordedExchange exchange, JsonWriter out) throws IOException {
        out.beginObject();
        out.name("method").value(exchange.method());
        out.name("url").value(exchange.url());
        out.name("httpVersion").value(exchange.httpVersion());
        out.name("cookies").beginArray().endArray();
        headers(exchange.requestHeaders(), out.name("headers"));
        queryString(exchange.url(), out.name("queryString"));
        Body body = exchange.requestBody();
        if (body.size() > 0) {
            String contentType = RecordedExchange.first(exchange.requestHeaders(), "Content-Type");
            Optional<ContentCoding> decoded = ContentCoding.decode(
                    RecordedExchange.first(exchange.requestHeaders(), "Content-Encoding"), body.kept(), body.truncated());
            BodyText text = decoded.map(d -> BodyText.of(d.bytes(), !d.complete(), contentType))
                    .orElseGet(() -> BodyText.of(body.kept(), body.truncated(), contentType));
            out.name("postData").beginObject();
            out.name("mimeType").value(contentType == null ? "" : contentType);
            out.name("text").value(text.text());
            if (text.base64()) {
                out.name("_encoding").value("base64");
            }
            if (decoded.isPresent()) {
                // What a replay sends: the server may check the coded bytes, and gzip again would differ.
                out.name("_sent").value(Base64.getEncoder().encodeToString(body.kept()));
                decodedTruncation(decoded.get(), body, out);
            } else {
                truncation(body, out);
            }
            out.endObject();
        }
        out.name("headersSize").value(-1);
        out.name("bodySize").value(body.size());
        out.endObject();
    }

    private static void response(RecordedExchange exchange, JsonWriter out) throws IOException {
        out.beginObject();
        int status = Math.max(0, exchange.status());
        out.name("status").value(status);
        out.name("statusText").value(status == 0 ? "" : StatusText.of(status));
        out.name("httpVersion").value(exchange.httpVersion());
        out.name("cookies").beginArray().endArray();
        headers(exchange.responseHeaders(), out.name("headers"));
        Body body = exchange.responseBody();
        String contentType = RecordedExchange.first(exchange.responseHeaders(), "Content-Type");
        Optional<ContentCoding> decoded = ContentCoding.decode(
                RecordedExchange.first(exchange.responseHeaders(), "Content-Encoding"), body.kept(), body.truncated());
        out.name("content").beginObject();
        if (decoded.isPresent()) {
            decodedContent(decoded.get(), body, contentType, out);
        } else {
            out.name("size").value(body.size());
            out.name("mimeType").value(contentType == null ? "" : contentType);
            if (body.size() > 0) {
                text(body.kept(), body.truncated(), contentType, out);
            }
            truncation(body, out);
        }
        out.endObject();
        String location = RecordedExchange.first(exchange.responseHeaders(), "Location");
        out.name("redirectURL").value(location == null ? "" : location);
        out.name("headersSize").value(-1);
        out.name("bodySize").value(body.size());
        if (exchange.error() != null) {
            out.name("_error").value(exchange.error());
        }
        out.endObject();
    }

    /**
     * A gzip or deflate body as browsers write it: the decoded text, its decoded size, and the
     * bytes the coding saved ({@code bodySize} stays the bytes sent). A body cut at the limit is
     * decoded as far as it goes; its decoded size is then unknown, and not given as a whole.
     */
    private static void decodedContent(ContentCoding decoded, Body body, String contentType, JsonWriter out)
            throws IOException {
        byte[] bytes = decoded.bytes();
        out.name("size").value(bytes.length);
        if (decoded.complete()) {
            out.name("compression").value(bytes.length - body.size());
        }
        out.name("mimeType").value(contentType == null ? "" : contentType);
        text(bytes, !decoded.complete(), contentType, out);
        decodedTruncation(decoded, body, out);
    }

    private static void decodedTruncation(ContentCoding decoded, Body body, JsonWriter out) throws IOException {
        if (!decoded.complete()) {
            out.name("_truncated").value(true);
            out.name("comment").value(body.truncated()
                    ? "truncated by respawn: the first " + body.kept().length + " of " + body.size()
                            + " encoded bytes (--recorder-body-limit), decoded to " + decoded.bytes().length + " bytes"
                    : "truncated by respawn: decoded to its first " + decoded.bytes().length + " bytes");
        }
    }

    private static void text(byte[] bytes, boolean truncated, String contentType, JsonWriter out) throws IOException {
        BodyText text = BodyText.of(bytes, truncated, contentType);
        out.name("text").value(text.text());
        if (text.base64()) {
            out.name("encoding").value("base64");
        }
    }

    private static void truncation(Body body, JsonWriter out) throws IOException {
        if (body.truncated()) {
            out.name("_truncated").value(true);
            out.name("comment").value("truncated by respawn: the first " + body.kept().length + " of "
                    + body.size() + " bytes (--recorder-body-limit)");
        }
    }

    private static void headers(List<Header> headers, JsonWriter out) throws IOException {
        out.beginArray();
        for (Header header : headers) {
            pair(header.name(), header.value(), out);
        }
        out.endArray();
    }

    static void queryString(String url, JsonWriter out) throws IOException {
        out.beginArray();
        String query = url.indexOf('?') < 0 ? null : rawQuery(url);
        if (query != null && !query.isEmpty()) {
            for (String parameter : query.split("&")) {
                String[] pair = parameter.split("=", 2);
                pair(decode(pair[0]), pair.length == 2 ? decode(pair[1]) : "", out);
            }
        }
        out.endArray();
    }

    private static String rawQuery(String url) {
        try {
            return URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            return url.substring(url.indexOf('?') + 1);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static void pair(String name, String value, JsonWriter out) throws IOException {
        out.beginObject();
        out.name("name").value(name);
        out.name("value").value(value);
        out.endObject();
    }
}
