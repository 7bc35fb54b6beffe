package dev.respawn.recorder.har;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

/**
 * A finished exchange as the journal holds it: its fields in a fixed order, strings as UTF-8 and
 * bodies as bytes, each after its length. Copying these is all a request pays; turning them into
 * HAR's JSON waits until the worker stops (or {@code respawn har} runs after a crash).
 */
final class JournalRecord {

    /** The first byte of every record, so that a journal of another layout is refused, not misread. */
    static final byte LAYOUT = 2;

    private JournalRecord() {
    }

    static byte[] encode(RecordedExchange exchange) {
        List<byte[]> strings = new ArrayList<>(8 + 2 * (exchange.requestHeaders().size()
                + exchange.responseHeaders().size()));
        strings.add(utf8(exchange.id()));
        strings.add(utf8(exchange.method()));
        strings.add(utf8(exchange.url()));
        strings.add(utf8(exchange.httpVersion()));
        headers(exchange.requestHeaders(), strings);
        headers(exchange.responseHeaders(), strings);
        strings.add(utf8(exchange.error() == null ? "" : exchange.error()));
        int size = 1 + 8 + 4 + 8 + 8 + 4 + 4 + 4 + 2 * (8 + 4) + exchange.requestBody().kept().length
                + exchange.responseBody().kept().length;
        for (byte[] string : strings) {
            size += 4 + string.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(LAYOUT);
        out.putLong(exchange.started().getEpochSecond()).putInt(exchange.started().getNano());
        out.putLong(exchange.pid()).putDouble(exchange.durationMillis()).putInt(exchange.status());
        int next = 0;
        for (int i = 0; i < 4; i++) {
            put(strings.get(next++), out);
        }
        out.putInt(exchange.requestHeaders().size());
        for (int i = 0; i < 2 * exchange.requestHeaders().size(); i++) {
            put(strings.get(next++), out);
        }
        out.putInt(exchange.responseHeaders().size());
        for (int i = 0; i < 2 * exchange.responseHeaders().size(); i++) {
            put(strings.get(next++), out);
        }
        body(exchange.requestBody(), out);
        body(exchange.responseBody(), out);
        put(strings.get(next), out);
        return out.array();
    }

    /** When the exchange of the record at {@code in}'s position started; the position is kept. */
    static Instant started(ByteBuffer in) {
        int at = in.position();
        layout(in.get(at));
        return Instant.ofEpochSecond(in.getLong(at + 1), in.getInt(at + 9));
    }

    static RecordedExchange decode(ByteBuffer in) {
        layout(in.get());
        Instant started = Instant.ofEpochSecond(in.getLong(), in.getInt());
        long pid = in.getLong();
        double millis = in.getDouble();
        int status = in.getInt();
        String id = string(in);
        String method = string(in);
        String url = string(in);
        String httpVersion = string(in);
        List<Header> requestHeaders = headers(in);
        List<Header> responseHeaders = headers(in);
        Body requestBody = body(in);
        Body responseBody = body(in);
        String error = string(in);
        return new RecordedExchange(id, pid, started, millis, method, url, httpVersion, requestHeaders, requestBody,
                status, responseHeaders, responseBody, error.isEmpty() ? null : error);
    }

    private static void layout(byte layout) {
        if (layout != LAYOUT) {
            throw new IllegalArgumentException("a journal record of layout " + layout + ", not " + LAYOUT
                    + " (written by another version of respawn)");
        }
    }

    private static byte[] utf8(String string) {
        return string.getBytes(StandardCharsets.UTF_8);
    }

    private static void headers(List<Header> headers, List<byte[]> strings) {
        for (Header header : headers) {
            strings.add(utf8(header.name()));
            strings.add(utf8(header.value()));
        }
    }

    private static void put(byte[] string, ByteBuffer out) {
        out.putInt(string.length).put(string);
    }

    private static void body(Body body, ByteBuffer out) {
        out.putLong(body.size()).putInt(body.kept().length).put(body.kept());
    }

    private static String string(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static List<Header> headers(ByteBuffer in) {
        int count = in.getInt();
        List<Header> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(new Header(string(in), string(in)));
        }
        return headers;
    }

    private static Body body(ByteBuffer in) {
        long size = in.getLong();
        byte[] kept = new byte[in.getInt()];
        in.get(kept);
        return size == 0 ? Body.EMPTY : new Body(kept, size);
    }
}
