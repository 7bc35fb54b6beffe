package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

class JournalTest {

    @TempDir
    Path temp;

    @Test
    void recordsAcrossManyRegionsComeBackWholeAndInOrderWhereverARegionEnds() throws Exception {
        Journal journal = Journal.create(temp, 42, Clock.systemUTC());
        Random random = new Random(15);
        List<Integer> sizes = new ArrayList<>();
        long written = 0;
        for (int i = 0; written < 5L * Journal.REGION; i++) {
            // Mostly small records, now and then one larger than the regions' overlap.
            int size = i % 97 == 96 ? Journal.OVERLAP + random.nextInt(Journal.OVERLAP) : 1 + random.nextInt(3000);
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) ('a' + i % 26));
            journal.accept(new RecordedExchange("42-" + i, 42, Instant.EPOCH.plusMillis(i), 1, "POST", "http://h/" + i,
                    "HTTP/1.1", List.of(new Header("X-N", Integer.toString(i))), new Body(body, size), 200,
                    List.of(), Body.EMPTY));
            sizes.add(size);
            written += size + 100;
        }
        assertThat(journal.entries()).isEqualTo(sizes.size());
        journal.close();

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(journal.path()));
        int count = 0;
        while (bytes.remaining() >= Integer.BYTES && bytes.getInt(bytes.position()) != 0) {
            int length = bytes.getInt();
            RecordedExchange back = JournalRecord.decode(bytes.slice(bytes.position(), length));
            bytes.position(bytes.position() + length);
            assertThat(back.id()).isEqualTo("42-" + count);
            assertThat(back.requestBody().kept()).hasSize(sizes.get(count)).containsOnly((byte) ('a' + count % 26));
            count++;
        }
        assertThat(count).isEqualTo(sizes.size());
        assertThat(bytes.remaining()).as("the file cut to its records").isZero();
    }
}
