package dev.respawn.recorder.har;

import java.util.List;

import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

/**
 * One thread's encoder of journal records: its reused {@link RecordBuffer}, and, per field a record
 * may repeat (see {@link JournalRecord}), the last record this thread wrote holding that field
 * itself. A field equal to it is repeated by reference: on Netty a keep-alive connection is served
 * by one thread, and elsewhere a pool thread serves one connection's requests in turn, so the
 * record a thread wrote last is the likeliest to match. Only records this thread wrote into the
 * same journal are referred to, so the record a field is taken from always lies before the record
 * that takes it.
 */
final class RecordWriter {

    private RecordBuffer buffer = new RecordBuffer(1024);

    /** The journal the fields below were written to. */
    private Journal journal;
    /** Per field (bit number of {@link JournalRecord#URL} and so on): where it was last written, and its value. */
    private final long[] positions = new long[3];
    private String url;
    private List<Header> requestHeaders;
    private List<Header> responseHeaders;

    /** The fields of {@code exchange} that this thread's earlier records in {@code to} already hold. */
    int repeats(RecordedExchange exchange, Journal to) {
        if (to != journal) {
            return 0;
        }
        int repeats = 0;
        if (exchange.url().equals(url)) {
            repeats |= JournalRecord.URL;
        }
        if (same(exchange.requestHeaders(), requestHeaders)) {
            repeats |= JournalRecord.REQUEST_HEADERS;
        }
        if (same(exchange.responseHeaders(), responseHeaders)) {
            repeats |= JournalRecord.RESPONSE_HEADERS;
        }
        return repeats;
    }

    /** The record of {@code exchange}, taking {@code repeats} (from {@link #repeats}) from the earlier records. */
    RecordBuffer encode(RecordedExchange exchange, int repeats) {
        return JournalRecord.encode(exchange, buffer.clear(), repeats, positions);
    }

    /**
     * The record was written where its bytes begin at {@code position} of {@code to} (-1: it was
     * not, a full disk): the fields it holds itself are the ones the next records may take.
     */
    void written(RecordedExchange exchange, int repeats, Journal to, long position) {
        if (buffer.oversized()) {
            buffer = new RecordBuffer(1024); // a large body's buffer is not held by the thread for good
        }
        if (position < 0) {
            return;
        }
        if (to != journal) {
            journal = to;
            url = null;
            requestHeaders = null;
            responseHeaders = null;
        }
        if ((repeats & JournalRecord.URL) == 0) {
            positions[0] = position;
            url = exchange.url();
        }
        if ((repeats & JournalRecord.REQUEST_HEADERS) == 0) {
            positions[1] = position;
            requestHeaders = exchange.requestHeaders();
        }
        if ((repeats & JournalRecord.RESPONSE_HEADERS) == 0) {
            positions[2] = position;
            responseHeaders = exchange.responseHeaders();
        }
    }

    /** Equal lists: the same list (a server that keeps a connection's unchanged headers hands the same on), or equal headers. */
    private static boolean same(List<Header> headers, List<Header> earlier) {
        if (headers.isEmpty()) {
            return false; // four bytes held take less room than a reference's eight
        }
        if (headers == earlier) {
            return true;
        }
        if (earlier == null || headers.size() != earlier.size()) {
            return false;
        }
        for (int i = 0; i < headers.size(); i++) {
            Header header = headers.get(i);
            Header other = earlier.get(i);
            if (header != other && !(header.name().equals(other.name()) && header.value().equals(other.value()))) {
                return false;
            }
        }
        return true;
    }
}
