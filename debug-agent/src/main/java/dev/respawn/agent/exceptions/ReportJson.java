package dev.respawn.agent.exceptions;

import java.util.List;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A report as JSON, schema {@code respawn-exception/1}:
 *
 * <pre>
 * { "schema": "respawn-exception/1",
 *   "time": ISO-8601 instant, "thread": {"name", "id"},
 *   "request": {"method", "url", "exchange"} (only when an HTTP request was in progress; "exchange"
 *                                            is the recorder's HAR entry _id, with --enable-recorder)
 *   "site": "ExceptionClass at class.method:line",
 *   "notWrittenBefore": exceptions at this site counted, not written, since the last report,
 *   "exception": {"class", "message", "stackTrace": [...], "stackTraceOmitted",
 *                 "cause": {...} or absent, "suppressed": [{...}]},
 *   "frames": [ innermost application frame first:
 *     {"class", "method", "file", "line", "exception": class of the throwable passing there,
 *      "arguments": [{"name", "type", "value"}],
 *      "receiver": "Name@hex" or absent for static methods, "fields": [{"name", "value"}],
 *      "locals": [{"name", "type", "value"}] with --capture-locals (absent when none were read)} ],
 *   "framesOmitted": application frames passed but not captured }
 * </pre>
 *
 * Values are text, rendered by {@link ValueRenderer}; a type is the value's runtime class.
 */
final class ReportJson {

    static final String SCHEMA = "respawn-exception/1";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private ReportJson() {
    }

    static String toJson(ExceptionReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        root.addProperty("time", report.time().toString());
        JsonObject thread = new JsonObject();
        thread.addProperty("name", report.thread());
        thread.addProperty("id", report.threadId());
        root.add("thread", thread);
        if (report.request() != null) {
            JsonObject request = new JsonObject();
            request.addProperty("method", report.request().method());
            request.addProperty("url", report.request().url());
            if (report.request().exchange() != null) {
                request.addProperty("exchange", report.request().exchange());
            }
            root.add("request", request);
        }
        root.addProperty("site", report.site());
        root.addProperty("notWrittenBefore", report.notWrittenBefore());
        root.add("exception", exception(report.exception()));
        JsonArray frames = new JsonArray();
        report.frames().forEach(frame -> frames.add(frame(frame)));
        root.add("frames", frames);
        root.addProperty("framesOmitted", report.framesOmitted());
        return GSON.toJson(root);
    }

    private static JsonObject exception(ThrowableDescription description) {
        JsonObject json = new JsonObject();
        json.addProperty("class", description.className());
        json.addProperty("message", description.message());
        JsonArray trace = new JsonArray();
        description.stackTrace().forEach(trace::add);
        json.add("stackTrace", trace);
        json.addProperty("stackTraceOmitted", description.framesOmitted());
        if (description.cause() != null) {
            json.add("cause", exception(description.cause()));
        }
        JsonArray suppressed = new JsonArray();
        description.suppressed().forEach(s -> suppressed.add(exception(s)));
        json.add("suppressed", suppressed);
        return json;
    }

    private static JsonObject frame(CapturedFrame frame) {
        JsonObject json = new JsonObject();
        json.addProperty("class", frame.className());
        json.addProperty("method", frame.method());
        json.addProperty("file", frame.file());
        json.addProperty("line", frame.line());
        json.addProperty("exception", frame.exception());
        json.add("arguments", values(frame.arguments(), true));
        if (frame.receiver() != null) {
            json.addProperty("receiver", frame.receiver());
            json.add("fields", values(frame.fields(), false));
        }
        if (frame.locals() != null) {
            json.add("locals", values(frame.locals(), true));
        }
        return json;
    }

    private static JsonArray values(List<CapturedFrame.Value> values, boolean typed) {
        JsonArray array = new JsonArray();
        for (CapturedFrame.Value value : values) {
            JsonObject json = new JsonObject();
            json.addProperty("name", value.name());
            if (typed) {
                json.addProperty("type", value.type());
            }
            json.addProperty("value", value.value());
            array.add(json);
        }
        return array;
    }
}
