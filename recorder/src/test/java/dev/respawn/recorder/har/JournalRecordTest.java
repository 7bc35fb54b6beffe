package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

class JournalRecordTest {

    @Test
    void anExchangeComesBackFieldForField() {
        byte[] request = "{\"greeting\":\"Grüße ✓\"}".getBytes(StandardCharsets.UTF_8);
        byte[] response = {0, 1, 2, (byte) 0xff};
        RecordedExchange exchange = new RecordedExchange("42-7", 42, Instant.parse("2026-01-02T03:04:05.123456789Z"),
                1.25, "POST", "http://127.0.0.1:8080/échange?q=a%20b", "HTTP/1.1",
                List.of(new Header("Content-Type", "application/json"), new Header("X-Multi", "one"),
                        new Header("X-Multi", "two")),
                new Body(request, request.length), 201, List.of(new Header("Set-Cookie", "[redacted]")),
                new Body(response, 5000));

        byte[] record = JournalRecord.encode(exchange);
        RecordedExchange back = JournalRecord.decode(ByteBuffer.wrap(record));

        assertThat(back).usingRecursiveComparison().isEqualTo(exchange);
        assertThat(back.responseBody().truncated()).isTrue();
        assertThat(JournalRecord.started(ByteBuffer.wrap(record))).isEqualTo(exchange.started());
    }

    @Test
    void noBodiesAndNoHeadersTakeNoRoom() {
        RecordedExchange exchange = new RecordedExchange("1-1", 1, Instant.EPOCH, 0, "GET", "http://h/", "HTTP/1.1",
                List.of(), Body.EMPTY, 204, List.of(), Body.EMPTY);

        RecordedExchange back = JournalRecord.decode(ByteBuffer.wrap(JournalRecord.encode(exchange)));

        assertThat(back).usingRecursiveComparison().isEqualTo(exchange);
        assertThat(back.requestBody()).isSameAs(Body.EMPTY);
    }

    @Test
    void anAbortedExchangeKeepsWhyItNeverCompleted() {
        RecordedExchange exchange = new RecordedExchange("1-1", 1, Instant.EPOCH, 0, "GET", "http://h/", "HTTP/1.1",
                List.of(), Body.EMPTY, 200, List.of(), Body.EMPTY, "the response never completed: java.io.IOException: gone");

        RecordedExchange back = JournalRecord.decode(ByteBuffer.wrap(JournalRecord.encode(exchange)));

        assertThat(back.error()).isEqualTo(exchange.error());
    }

    @Test
    void aRecordOfAnotherLayoutIsRefusedNotMisread() {
        ByteBuffer record = ByteBuffer.wrap(JournalRecord.encode(new RecordedExchange("1-1", 1, Instant.EPOCH, 0,
                "GET", "http://h/", "HTTP/1.1", List.of(), Body.EMPTY, 200, List.of(), Body.EMPTY)));
        record.put(0, (byte) 9);

        assertThatThrownBy(() -> JournalRecord.decode(record)).hasMessageContaining("layout 9");
    }

    @Test
    void aRecordTakesTheFieldsItRepeatsFromTheRecordsThatHoldThem() {
        RecordedExchange first = new RecordedExchange("1-1", 1, Instant.EPOCH, 1, "GET", "http://h/a", "HTTP/1.1",
                List.of(new Header("Host", "h"), new Header("Accept", "*/*")), Body.EMPTY, 200,
                List.of(new Header("Content-Type", "text/plain")), new Body(new byte[] {1}, 1));
        RecordedExchange second = new RecordedExchange("1-2", 1, Instant.EPOCH, 2, "GET", "http://h/b", "HTTP/1.1",
                List.of(new Header("Host", "h")), Body.EMPTY, 404,
                List.of(new Header("Content-Type", "application/json")), Body.EMPTY);
        RecordedExchange third = new RecordedExchange("1-3", 1, Instant.EPOCH.plusSeconds(1), 3, "POST", "http://h/b",
                "HTTP/1.0", first.requestHeaders(), new Body(new byte[] {7, 8}, 2), 201, first.responseHeaders(),
                Body.EMPTY, "gone");
        Map<Long, ByteBuffer> journal = Map.of(100L, ByteBuffer.wrap(JournalRecord.encode(first)),
                300L, ByteBuffer.wrap(JournalRecord.encode(second)));

        byte[] record = bytes(JournalRecord.encode(third, new RecordBuffer(16),
                JournalRecord.URL | JournalRecord.REQUEST_HEADERS | JournalRecord.RESPONSE_HEADERS,
                new long[] {300, 100, 100}));
        RecordedExchange back = JournalRecord.decode(ByteBuffer.wrap(record),
                (position, field) -> JournalRecord.field(journal.get(position), field));

        assertThat(back).usingRecursiveComparison().isEqualTo(third);
        assertThat(record.length).as("three references take less room than the fields")
                .isLessThan(JournalRecord.encode(third).length);
        assertThat(JournalRecord.started(ByteBuffer.wrap(record))).isEqualTo(third.started());
        assertThatThrownBy(() -> JournalRecord.decode(ByteBuffer.wrap(record)))
                .hasMessageContaining("repeats a field of the record at");
    }

    @Test
    void aFieldIsTakenOnlyFromARecordThatHoldsItNotFromOneThatRepeatsItToo() {
        RecordedExchange exchange = new RecordedExchange("1-1", 1, Instant.EPOCH, 1, "GET", "http://h/a", "HTTP/1.1",
                List.of(new Header("Host", "h")), Body.EMPTY, 200, List.of(new Header("A", "b")), Body.EMPTY);
        ByteBuffer repeating = ByteBuffer.wrap(bytes(JournalRecord.encode(exchange, new RecordBuffer(16),
                JournalRecord.REQUEST_HEADERS, new long[] {0, 8, 0})));

        assertThat(JournalRecord.field(repeating, JournalRecord.URL)).isEqualTo("http://h/a");
        assertThat(JournalRecord.field(repeating, JournalRecord.RESPONSE_HEADERS)).isEqualTo(exchange.responseHeaders());
        assertThatThrownBy(() -> JournalRecord.field(repeating, JournalRecord.REQUEST_HEADERS))
                .hasMessageContaining("repeats field 2 of one that repeats it too");
    }

    @Test
    void aRecordOfTheLayoutBeforeRepeatedFieldsStillReads() {
        RecordedExchange exchange = new RecordedExchange("1-1", 1, Instant.EPOCH, 1, "GET", "http://h/a", "HTTP/1.1",
                List.of(new Header("Host", "h")), Body.EMPTY, 200, List.of(new Header("A", "b")), Body.EMPTY);
        byte[] current = JournalRecord.encode(exchange);
        // Layout 2 was layout 3 without the byte of repeated fields after the status.
        int repeatsAt = 1 + 8 + 4 + 8 + 8 + 4;
        byte[] old = new byte[current.length - 1];
        System.arraycopy(current, 0, old, 0, repeatsAt);
        System.arraycopy(current, repeatsAt + 1, old, repeatsAt, current.length - repeatsAt - 1);
        old[0] = JournalRecord.NO_REPEATS;

        assertThat(JournalRecord.decode(ByteBuffer.wrap(old))).usingRecursiveComparison().isEqualTo(exchange);
    }

    private static byte[] bytes(RecordBuffer buffer) {
        return Arrays.copyOf(buffer.bytes(), buffer.length());
    }
}
