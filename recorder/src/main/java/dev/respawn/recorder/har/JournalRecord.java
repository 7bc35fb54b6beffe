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
 *
 * <p>A record may repeat its URL, its request headers or its response headers from an earlier
 * record of the same journal instead of holding them: a keep-alive client sends the same headers
 * with every request, and a server answers a route with the same ones, which were more than half
 * of a small exchange's bytes. Each repeated field names the record it is taken from by where that
 * record's bytes begin in the journal, and that record holds the field itself, so a reader finds
 * it in one step (see {@link #field}). Which fields repeat, and from where, is for the writer to
 * say ({@link RecordWriter}).
 */
final class JournalRecord {

    /** The first byte of every record, so that a journal of another layout is refused, not misread. */
    static final byte LAYOUT = 3;
    /** The layout before repeated fields: still read, so that a journal a crash left behind converts in a later respawn. */
    static final byte NO_REPEATS = 2;

    /** The fields a record may repeat, as bits of its repeated set. */
    static final int URL = 1;
    static final int REQUEST_HEADERS = 2;
    static final int RESPONSE_HEADERS = 4;
    private static final int ALL = URL | REQUEST_HEADERS | RESPONSE_HEADERS;

    /** Gives a field of the journal's record that begins at a position (see {@link RepeatedFields}). */
    interface Records {
        /**
         * The field ({@link #URL} and so on) of the record at {@code position}, as {@link #field}
         * reads it; an {@code UncheckedIOException} if it cannot be read.
         */
        Object field(long position, int field);
    }

    private static final Records NONE = (position, field) -> {
        throw new IllegalArgumentException("a record repeats a field of the record at " + position
                + ", and no journal was given to read it from");
    };

    private JournalRecord() {
    }

    /** The record of {@code exchange}, all its fields its own. */
    static byte[] encode(RecordedExchange exchange) {
        RecordBuffer out = encode(exchange, new RecordBuffer(256), 0, null);
        return Arrays.copyOf(out.bytes(), out.length());
    }

    /**
     * Appends the record of {@code exchange} to {@code out}, and returns it: the fields in
     * {@code repeats} left out, each taken from the record at {@code from[field's bit number]}.
     */
    static RecordBuffer encode(RecordedExchange exchange, RecordBuffer out, int repeats, long[] from) {
        out.put(LAYOUT);
        out.putLong(exchange.started().getEpochSecond());
        out.putInt(exchange.started().getNano());
        out.putLong(exchange.pid());
        out.putLong(Double.doubleToRawLongBits(exchange.durationMillis()));
        out.putInt(exchange.status());
        out.put((byte) repeats);
        for (int field = 0; field < 3; field++) {
            if ((repeats & 1 << field) != 0) {
                out.putLong(from[field]);
            }
        }
        out.putString(exchange.id());
        out.putString(exchange.method());
        if ((repeats & URL) == 0) {
            out.putString(exchange.url());
        }
        out.putString(exchange.httpVersion());
        if ((repeats & REQUEST_HEADERS) == 0) {
            headers(exchange.requestHeaders(), out);
        }
        if ((repeats & RESPONSE_HEADERS) == 0) {
            headers(exchange.responseHeaders(), out);
        }
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

    /** A record that repeats no field of another. */
    static RecordedExchange decode(ByteBuffer in) {
        return decode(in, NONE);
    }

    /** A record; the fields it repeats are read from the records {@code records} gives. */
    static RecordedExchange decode(ByteBuffer in, Records records) {
        byte layout = layout(in.get());
        Instant started = Instant.ofEpochSecond(in.getLong(), in.getInt());
        long pid = in.getLong();
        double millis = in.getDouble();
        int status = in.getInt();
        int repeats = repeats(layout, in);
        long[] from = new long[3];
        for (int field = 0; field < 3; field++) {
            from[field] = (repeats & 1 << field) != 0 ? in.getLong() : -1;
        }
        String id = string(in);
        String method = string(in);
        String url = (repeats & URL) != 0 ? (String) records.field(from[0], URL) : string(in);
        String httpVersion = string(in);
        List<Header> requestHeaders = (repeats & REQUEST_HEADERS) != 0
                ? headerList(records.field(from[1], REQUEST_HEADERS)) : headers(in);
        List<Header> responseHeaders = (repeats & RESPONSE_HEADERS) != 0
                ? headerList(records.field(from[2], RESPONSE_HEADERS)) : headers(in);
        Body requestBody = body(in);
        Body responseBody = body(in);
        String error = string(in);
        return new RecordedExchange(id, pid, started, millis, method, url, httpVersion, requestHeaders, requestBody,
                status, responseHeaders, responseBody, error.isEmpty() ? null : error);
    }

    /**
     * One field (a {@code String} URL or a {@code List<Header>}) of the record {@code record}, which
     * must hold it itself; the rest of the record is skipped, not read.
     */
    static Object field(ByteBuffer record, int field) {
        ByteBuffer in = record.duplicate();
        byte layout = layout(in.get());
        in.position(in.position() + 8 + 4 + 8 + 8 + 4);
        int repeats = repeats(layout, in);
        if ((repeats & field) != 0) {
            throw new IllegalArgumentException("a record repeats field " + field + " of one that repeats it too");
        }
        in.position(in.position() + Long.BYTES * Integer.bitCount(repeats));
        skipString(in); // id
        skipString(in); // method
        if (field == URL) {
            return string(in);
        }
        if ((repeats & URL) == 0) {
            skipString(in);
        }
        skipString(in); // version
        if (field == REQUEST_HEADERS) {
            return headers(in);
        }
        if ((repeats & REQUEST_HEADERS) == 0) {
            for (int count = in.getInt() * 2; count > 0; count--) {
                skipString(in);
            }
        }
        return headers(in);
    }

    private static int repeats(byte layout, ByteBuffer in) {
        int repeats = layout == NO_REPEATS ? 0 : in.get();
        if ((repeats & ~ALL) != 0) {
            throw new IllegalArgumentException("a record repeating fields " + repeats);
        }
        return repeats;
    }

    private static void skipString(ByteBuffer in) {
        int length = in.getInt();
        in.position(in.position() + length);
    }

    @SuppressWarnings("unchecked")
    private static List<Header> headerList(Object field) {
        return (List<Header>) field;
    }

    private static byte layout(byte layout) {
        if (layout != LAYOUT && layout != NO_REPEATS) {
            throw new IllegalArgumentException("a journal record of layout " + layout + ", not " + LAYOUT
                    + " (written by another version of respawn)");
        }
        return layout;
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
