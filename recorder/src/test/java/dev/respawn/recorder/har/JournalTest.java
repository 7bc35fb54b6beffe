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

    @Test
    void exchangesRepeatingAnEarlierOnesUrlAndHeadersTakeLessRoomAndComeBackWholeFromEveryThread() throws Exception {
        Journal journal = Journal.create(temp, 42, Clock.systemUTC());
        List<RecordedExchange> written = java.util.Collections.synchronizedList(new ArrayList<>());
        long[] whole = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                List<Header> keepAlive = List.of(new Header("Host", "h:" + thread), new Header("Accept", "*/*"));
                for (int i = 0; i < 2000; i++) {
                    // The same headers, most of the time the same list; now and then others, a new URL,
                    // headers equal but not the same list, or a response header that changes.
                    List<Header> request = i % 50 == 7 ? List.of(new Header("Host", "other"))
                            : i % 10 == 3 ? List.of(new Header("Host", "h:" + thread), new Header("Accept", "*/*"))
                            : keepAlive;
                    List<Header> response = List.of(new Header("Content-Type", "text/plain"),
                            new Header("Date", Integer.toString(i / 100)));
                    byte[] body = ("hello " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    RecordedExchange exchange = new RecordedExchange("42-" + thread + "-" + i, 42,
                            Instant.EPOCH.plusMillis(3L * i + thread), i, "GET", "http://h/" + (i % 30 == 0 ? i : 0),
                            "HTTP/1.1", request, Body.EMPTY, 200, response, new Body(body, body.length));
                    journal.accept(exchange);
                    written.add(exchange);
                    synchronized (whole) {
                        whole[0] += Integer.BYTES + JournalRecord.encode(exchange).length;
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        journal.close();
        assertThat(Files.size(journal.path())).as("repeated fields taken by reference").isLessThan(whole[0] * 3 / 4);

        HarFile.Converted converted = HarFile.convert(journal.path(), "test");

        assertThat(converted.entries()).isEqualTo(written.size());
        assertThat(converted.damaged()).isZero();
        List<HarReader.Entry> read = HarReader.read(converted.har());
        assertThat(read).hasSize(written.size());
        written.sort(java.util.Comparator.comparing(RecordedExchange::started));
        for (int i = 0; i < read.size(); i++) {
            RecordedExchange expected = written.get(i);
            HarReader.Entry entry = read.get(i);
            assertThat(entry.url()).isEqualTo(expected.url());
            assertThat(entry.requestHeaders()).isEqualTo(expected.requestHeaders());
            assertThat(entry.responseHeaders()).isEqualTo(expected.responseHeaders());
            assertThat(new String(entry.responseBody(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(new String(expected.responseBody().kept(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aNewLifesJournalTakesNoFieldFromTheLastOnes() throws Exception {
        List<Header> headers = List.of(new Header("Host", "h"));
        RecordedExchange exchange = new RecordedExchange("42-1", 42, Instant.EPOCH, 1, "GET", "http://h/", "HTTP/1.1",
                headers, Body.EMPTY, 200, headers, Body.EMPTY);
        Journal first = Journal.create(temp, 42, Clock.systemUTC());
        first.accept(exchange);
        first.accept(exchange);
        first.close();
        Journal next = Journal.create(temp, 42, Clock.systemUTC());
        next.accept(exchange);
        next.close();

        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(next.path()));
        RecordedExchange back = JournalRecord.decode(bytes.slice(Integer.BYTES, bytes.getInt(0)));
        assertThat(back).usingRecursiveComparison().isEqualTo(exchange);
        assertThat(Files.size(first.path())).as("the first life's second record repeats the first's")
                .isLessThan(2 * bytes.limit());
    }
}
