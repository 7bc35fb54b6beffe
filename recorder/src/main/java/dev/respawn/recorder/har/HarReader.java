package dev.respawn.recorder.har;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.respawn.recorder.capture.Header;

/** Reads a HAR file's entries, from respawn or any other tool that writes HAR 1.2. */
public final class HarReader {

    /**
     * One entry's parts, bodies already decoded to bytes.
     *
     * @param method the request method
     * @param url the request URL
     * @param requestHeaders the request headers
     * @param requestBody the request body as it was sent (coded, when it was sent gzip or deflate)
     * @param requestTruncated whether respawn kept only part of the request body
     * @param status the response status
     * @param responseHeaders the response headers
     * @param responseBody the response body recorded
     * @param responseSize the response body's true size, decoded if it was sent gzip or deflate,
     *     or {@link #UNKNOWN_SIZE} for a decoded body cut at the limit
     * @param responseType the response content type, or ""
     * @param error why the recorded response never completed ({@code _error}), or null
     */
    public record Entry(String method, String url, List<Header> requestHeaders, byte[] requestBody,
            boolean requestTruncated, int status, List<Header> responseHeaders, byte[] responseBody,
            long responseSize, String responseType, String error) {
    }

    /** The size of a response whose body was kept only in part, and decoded: its whole size is not known. */
    public static final long UNKNOWN_SIZE = -1;

    private HarReader() {
    }

    public static List<Entry> read(Path har) throws IOException {
        JsonObject root;
        try (Reader in = Files.newBufferedReader(har, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(har + " is not HAR (JSON with log.entries): " + e.getMessage(), e);
        }
        if (!root.has("log") || !root.getAsJsonObject("log").has("entries")) {
            throw new IOException(har + " is not HAR: it has no log.entries");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonElement element : root.getAsJsonObject("log").getAsJsonArray("entries")) {
            entries.add(entry(element.getAsJsonObject()));
        }
        return entries;
    }

    private static Entry entry(JsonObject entry) {
        JsonObject request = entry.getAsJsonObject("request");
        JsonObject response = entry.getAsJsonObject("response");
        List<Header> requestHeaders = headers(request.getAsJsonArray("headers"));
        byte[] requestBody = new byte[0];
        boolean requestTruncated = false;
        if (request.has("postData")) {
            JsonObject postData = request.getAsJsonObject("postData");
            String sent = string(postData, "_sent");
            requestBody = sent != null ? Base64.getDecoder().decode(sent)
                    : BodyText.bytes(string(postData, "text"), "base64".equals(string(postData, "_encoding")),
                            string(postData, "mimeType"));
            requestTruncated = postData.has("_truncated") && postData.get("_truncated").getAsBoolean();
        }
        JsonObject content = response.getAsJsonObject("content");
        String type = string(content, "mimeType");
        byte[] responseBody = BodyText.bytes(string(content, "text"), "base64".equals(string(content, "encoding")), type);
        long size = content.has("size") ? content.get("size").getAsLong() : responseBody.length;
        boolean cut = content.has("_truncated") && content.get("_truncated").getAsBoolean();
        // A decoded body cut at the limit: how long it was whole is not known.
        long whole = cut && size <= responseBody.length ? UNKNOWN_SIZE : Math.max(size, responseBody.length);
        return new Entry(string(request, "method"), string(request, "url"), requestHeaders, requestBody,
                requestTruncated, response.get("status").getAsInt(), headers(response.getAsJsonArray("headers")),
                responseBody, whole, type == null ? "" : type, string(response, "_error"));
    }

    private static List<Header> headers(JsonArray array) {
        List<Header> headers = new ArrayList<>();
        if (array != null) {
            for (JsonElement element : array) {
                JsonObject header = element.getAsJsonObject();
                headers.add(new Header(string(header, "name"), string(header, "value")));
            }
        }
        return headers;
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object == null ? null : object.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
