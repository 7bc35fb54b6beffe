package dev.respawn.recorder.har;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

/**
 * A finished exchange as the journal holds it: its fields in a fixed order, strings as UTF-8 and
 * bodies as bytes, each after its length. Copying these is all a request pays; turning them into
 * HAR's JSON waits until the worker stops (or {@code respawn har} runs after a crash).
 * Written into a {@link RecordBuffer} the thread reuses: encoding allocates nothing.
 */
final class JournalRecord {

    /** The first byte of every record, so that a journal of another layout is refused, not misread. */
    static final byte LAYOUT = 2;

    private JournalRecord() {
    }

    static byte[] encode(RecordedExchange exchange) {
        RecordBuffer out = encode(exchange, new RecordBuffer(256));
        return Arrays.copyOf(out.bytes(), out.length());
    }

    /** Appends the record of {@code exchange} to {@code out}, and returns it. */
    static RecordBuffer encode(RecordedExchange exchange, RecordBuffer out) {
        out.put(LAYOUT);
        out.putLong(exchange.started().getEpochSecond());
        out.putInt(exchange.started().getNano());
        out.putLong(exchange.pid());
        out.putLong(Double.doubleToRawLongBits(exchange.durationMillis()));
        out.putInt(exchange.status());
        out.putString(exchange.id());
        out.putString(exchange.method());
        out.putString(exchange.url());
        out.putString(exchange.httpVersion());
        headers(exchange.requestHeaders(), out);
        headers(exchange.responseHeaders(), out);
        body(exchange.requestBody(), out);
        body(exchange.responseBody(), out);
        out.putString(exchange.error() == null ? "" : exchange.error());
        return out;
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

    private static void headers(List<Header> headers, RecordBuffer out) {
        out.putInt(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            out.putString(header.name());
            out.putString(header.value());
        }
    }

    private static void body(Body body, RecordBuffer out) {
        out.putLong(body.size());
        out.putInt(body.kept().length);
        out.put(body.kept());
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
