package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A HAR file the recorder wrote, read with Gson as any HAR tool would. */
final class Har {

    private final JsonObject log;

    private Har(JsonObject log) {
        this.log = log;
    }

    /** The one HAR file in {@code directory}. */
    static Har single(Path directory) throws IOException {
        List<Path> files = files(directory, ".har");
        assertThat(files).as("HAR files in " + directory).hasSize(1);
        return read(files.get(0));
    }

    static Har read(Path file) throws IOException {
        JsonObject root = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonObject log = root.getAsJsonObject("log");
        assertThat(log.get("version").getAsString()).isEqualTo("1.2");
        assertThat(log.getAsJsonObject("creator").get("name").getAsString()).isEqualTo("respawn");
        return new Har(log);
    }

    static List<Path> files(Path directory, String suffix) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    List<JsonObject> entries() {
        List<JsonObject> entries = new ArrayList<>();
        for (JsonElement entry : log.getAsJsonArray("entries")) {
            JsonObject object = entry.getAsJsonObject();
            for (String field : List.of("startedDateTime", "time", "request", "response", "cache", "timings", "_id")) {
                assertThat(object.has(field)).as("entry field " + field).isTrue();
            }
            entries.add(object);
        }
        return entries;
    }

    /** The entries whose URL path starts with {@code path}. */
    List<JsonObject> entries(String path) {
        return entries().stream().filter(e -> urlPath(e).startsWith(path)).toList();
    }

    static String urlPath(JsonObject entry) {
        String url = entry.getAsJsonObject("request").get("url").getAsString();
        return url.substring(url.indexOf('/', url.indexOf("//") + 2));
    }

    /** Every value of a header, the name compared without case. */
    static List<String> header(JsonObject message, String name) {
        List<String> values = new ArrayList<>();
        for (JsonElement header : message.getAsJsonArray("headers")) {
            JsonObject pair = header.getAsJsonObject();
            if (pair.get("name").getAsString().equalsIgnoreCase(name)) {
                values.add(pair.get("value").getAsString());
            }
        }
        return values;
    }

    static byte[] requestBody(JsonObject entry) {
        JsonObject postData = entry.getAsJsonObject("request").getAsJsonObject("postData");
        String text = postData.get("text").getAsString();
        return postData.has("_encoding") ? Base64.getDecoder().decode(text)
                : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The response body as recorded; a HAR leaves out the text of an empty one. */
    static byte[] responseBody(JsonObject entry) {
        JsonObject content = entry.getAsJsonObject("response").getAsJsonObject("content");
        if (!content.has("text")) {
            return new byte[0];
        }
        String text = content.get("text").getAsString();
        return content.has("encoding") ? Base64.getDecoder().decode(text)
                : text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
