package dev.respawn.locals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * The locals of one thread's recent throws, kept in {@code <exceptions>/.locals/<thread id>.json}
 * for the agent to merge into its report: {@code {"entries": [{"site", "frames": [{"class",
 * "method", "line", "locals": [{"name", "type", "value"}]}]}]}}, oldest first, at most
 * {@link #MAX_ENTRIES}. Written while the thread is suspended at the throw, so it is complete
 * before the agent, on that same thread, can look for it.
 */
final class ThrowLocals {

    static final int MAX_ENTRIES = 16;

    private ThrowLocals() {
    }

    static Path file(Path exceptionsDirectory, long threadId) {
        return exceptionsDirectory.resolve(".locals").resolve(threadId + ".json");
    }

    static void append(Path file, JsonObject entry) throws IOException {
        JsonArray entries = new JsonArray();
        if (Files.isRegularFile(file)) {
            try {
                entries = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("entries");
            } catch (RuntimeException e) {
                entries = new JsonArray();
            }
        }
        entries.add(entry);
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(0);
        }
        JsonObject root = new JsonObject();
        root.add("entries", entries);
        Path directory = file.getParent();
        OwnerOnly.directories(directory);
        OwnerOnly.write(file, root.toString().getBytes(StandardCharsets.UTF_8));
    }

    static JsonObject local(String name, String type, String value) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("type", type);
        json.addProperty("value", value);
        return json;
    }

    static JsonObject frame(String className, String method, int line, List<JsonObject> locals) {
        JsonObject json = new JsonObject();
        json.addProperty("class", className);
        json.addProperty("method", method);
        json.addProperty("line", line);
        JsonArray array = new JsonArray();
        locals.forEach(array::add);
        json.add("locals", array);
        return json;
    }
}
