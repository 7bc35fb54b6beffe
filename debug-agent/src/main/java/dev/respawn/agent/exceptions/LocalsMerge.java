package dev.respawn.agent.exceptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Adds the local variables the supervisor read through JDI ({@code --capture-locals}) to the
 * frames of a report. The supervisor leaves one file per thread, {@code .locals/<thread id>.json},
 * with the frames of that thread's recent throws; it is written while the thread is stopped at
 * the throw, so it is complete when the same thread, later, takes its report.
 */
final class LocalsMerge {

    private final Path directory;

    LocalsMerge(Path exceptionsDirectory) {
        this.directory = exceptionsDirectory.resolve(".locals");
    }

    List<CapturedFrame> merge(String site, List<CapturedFrame> frames, long threadId) {
        Path file = directory.resolve(threadId + ".json");
        JsonArray entries;
        try {
            if (!Files.isRegularFile(file)) {
                return frames;
            }
            entries = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("entries");
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            return frames;
        }
        int first = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (site.equals(text(entries.get(i).getAsJsonObject(), "site"))) {
                first = i;
            }
        }
        if (first < 0) {
            return frames;
        }
        List<CapturedFrame> merged = new ArrayList<>();
        for (CapturedFrame frame : frames) {
            merged.add(withLocals(frame, entries, first));
        }
        return merged;
    }

    /** The locals of the earliest throw, from the exception's own onwards, that saw this frame. */
    private static CapturedFrame withLocals(CapturedFrame frame, JsonArray entries, int first) {
        for (int i = first; i < entries.size(); i++) {
            for (JsonElement element : entries.get(i).getAsJsonObject().getAsJsonArray("frames")) {
                JsonObject seen = element.getAsJsonObject();
                boolean same = frame.className().equals(text(seen, "class")) && frame.method().equals(text(seen, "method"))
                        && (frame.line() < 0 || frame.line() == seen.get("line").getAsInt());
                if (same) {
                    List<CapturedFrame.Value> locals = new ArrayList<>();
                    for (JsonElement local : seen.getAsJsonArray("locals")) {
                        JsonObject l = local.getAsJsonObject();
                        locals.add(new CapturedFrame.Value(text(l, "name"), text(l, "type"), text(l, "value")));
                    }
                    return frame.withLocals(locals);
                }
            }
        }
        return frame;
    }

    private static String text(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element == null || element.isJsonNull() ? null : element.getAsString();
    }
}
