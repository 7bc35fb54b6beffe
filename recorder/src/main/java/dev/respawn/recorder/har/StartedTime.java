package dev.respawn.recorder.har;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A HAR entry's {@code startedDateTime}, in UTC to the millisecond and of fixed width, so that
 * entries sort as text too. The text up to the second is formatted once per second and reused:
 * a {@link DateTimeFormatter} per exchange cost microseconds on every request.
 */
final class StartedTime {

    /** The whole format, for reading entries back. */
    static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter TO_THE_SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);

    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private StartedTime() {
    }

    static String format(Instant instant) {
        Second second = last;
        if (second.epochSecond() != instant.getEpochSecond()) {
            second = new Second(instant.getEpochSecond(), TO_THE_SECOND.format(instant));
            last = second;
        }
        int millis = instant.getNano() / 1_000_000;
        char[] tail = {(char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10), 'Z'};
        return second.text().concat(new String(tail));
    }

    static Instant parse(String text) {
        return Instant.from(FORMAT.parse(text));
    }
}
