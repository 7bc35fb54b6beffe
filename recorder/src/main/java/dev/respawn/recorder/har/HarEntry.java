package dev.respawn.recorder.har;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

/**
 * One exchange as a HAR 1.2 entry, plus respawn's custom fields: {@code _id}, {@code _pid},
 * {@code _encoding} on a binary request body, and {@code _truncated} on a body cut at the limit.
 */
final class HarEntry {

    /** Fixed width, so that entries sort as text too. */
    static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private HarEntry() {
    }

    static JsonObject of(RecordedExchange exchange) {
        JsonObject entry = new JsonObject();
        entry.addProperty("startedDateTime", STARTED.format(exchange.started()));
        entry.addProperty("time", exchange.durationMillis());
        entry.add("request", request(exchange));
        entry.add("response", response(exchange));
        entry.add("cache", new JsonObject());
        JsonObject timings = new JsonObject();
        timings.addProperty("send", 0);
        timings.addProperty("wait", exchange.durationMillis());
        timings.addProperty("receive", 0);
        entry.add("timings", timings);
        entry.addProperty("_id", exchange.id());
        entry.addProperty("_pid", exchange.pid());
        return entry;
    }

    private static JsonObject request(RecordedExchange exchange) {
        JsonObject request = new JsonObject();
        request.addProperty("method", exchange.method());
        request.addProperty("url", exchange.url());
        request.addProperty("httpVersion", exchange.httpVersion());
        request.add("cookies", new JsonArray());
        request.add("headers", headers(exchange.requestHeaders()));
        request.add("queryString", queryString(exchange.url()));
        Body body = exchange.requestBody();
        if (body.size() > 0) {
            String contentType = RecordedExchange.first(exchange.requestHeaders(), "Content-Type");
            BodyText text = BodyText.of(body.kept(), body.truncated(), contentType);
            JsonObject postData = new JsonObject();
            postData.addProperty("mimeType", contentType == null ? "" : contentType);
            postData.addProperty("text", text.text());
            if (text.base64()) {
                postData.addProperty("_encoding", "base64");
            }
            truncation(postData, body);
            request.add("postData", postData);
        }
        request.addProperty("headersSize", -1);
        request.addProperty("bodySize", body.size());
        return request;
    }

    private static JsonObject response(RecordedExchange exchange) {
        JsonObject response = new JsonObject();
        response.addProperty("status", exchange.status());
        response.addProperty("statusText", StatusText.of(exchange.status()));
        response.addProperty("httpVersion", exchange.httpVersion());
        response.add("cookies", new JsonArray());
        response.add("headers", headers(exchange.responseHeaders()));
        Body body = exchange.responseBody();
        String contentType = RecordedExchange.first(exchange.responseHeaders(), "Content-Type");
        JsonObject content = new JsonObject();
        content.addProperty("size", body.size());
        content.addProperty("mimeType", contentType == null ? "" : contentType);
        if (body.size() > 0) {
            BodyText text = BodyText.of(body.kept(), body.truncated(), contentType);
            content.addProperty("text", text.text());
            if (text.base64()) {
                content.addProperty("encoding", "base64");
            }
        }
        truncation(content, body);
        response.add("content", content);
        String location = RecordedExchange.first(exchange.responseHeaders(), "Location");
        response.addProperty("redirectURL", location == null ? "" : location);
        response.addProperty("headersSize", -1);
        response.addProperty("bodySize", body.size());
        return response;
    }

    private static void truncation(JsonObject target, Body body) {
        if (body.truncated()) {
            target.addProperty("_truncated", true);
            target.addProperty("comment", "truncated by respawn: the first " + body.kept().length + " of "
                    + body.size() + " bytes (--recorder-body-limit)");
        }
    }

    private static JsonArray headers(List<Header> headers) {
        JsonArray array = new JsonArray();
        for (Header header : headers) {
            array.add(pair(header.name(), header.value()));
        }
        return array;
    }

    static JsonArray queryString(String url) {
        JsonArray array = new JsonArray();
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            int mark = url.indexOf('?');
            query = mark < 0 ? null : url.substring(mark + 1);
        }
        if (query == null || query.isEmpty()) {
            return array;
        }
        for (String parameter : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            array.add(pair(decode(pair[0]), pair.length == 2 ? decode(pair[1]) : ""));
        }
        return array;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static JsonObject pair(String name, String value) {
        JsonObject pair = new JsonObject();
        pair.addProperty("name", name);
        pair.addProperty("value", value);
        return pair;
    }
}
