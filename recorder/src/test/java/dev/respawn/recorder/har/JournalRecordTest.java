package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

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
}
