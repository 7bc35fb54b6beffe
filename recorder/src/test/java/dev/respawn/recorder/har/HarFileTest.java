package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.RecordedExchange;

class HarFileTest {

    @TempDir
    Path temp;

    private static RecordedExchange exchange(String id, Instant started, String path) {
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        return new RecordedExchange(id, 42, started, 1.5, "GET", "http://localhost:8080" + path, "HTTP/1.1",
                List.of(new Header("Accept", "*/*")), Body.EMPTY, 200,
                List.of(new Header("Content-Type", "text/plain")), new Body(body, body.length));
    }

    @Test
    void aKilledWorkersJournalBecomesHarInStartOrderLeavingOutARecordTheKillCutShort() throws Exception {
        Path directory = temp.resolve("recordings");
        Journal journal = Journal.create(directory, 42, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        Instant now = Instant.parse("2026-01-02T03:04:05.100Z");
        journal.accept(exchange("42-2", now.plusMillis(5), "/second"));
        journal.accept(exchange("42-1", now, "/first"));
        // Killed: never closed, and a third record was being written (its length, half its bytes).
        byte[] third = JournalRecord.encode(exchange("42-3", now.plusMillis(9), "/third"));
        try (FileChannel file = FileChannel.open(journal.path(), StandardOpenOption.WRITE)) {
            long end = Files.size(journal.path());
            file.write(ByteBuffer.allocate(Integer.BYTES).putInt(third.length).flip(), end);
            file.write(ByteBuffer.wrap(third, 0, third.length / 2), end + Integer.BYTES);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");

        HarFile.Converted converted = HarFile.convert(journal.path(), "test");

        assertThat(converted.entries()).isEqualTo(2);
        assertThat(converted.damaged()).isEqualTo(1);
        assertThat(converted.har().getFileName().toString()).endsWith("-42.har");
        assertThat(journal.path()).doesNotExist();
        JsonObject log = JsonParser.parseString(Files.readString(converted.har())).getAsJsonObject().getAsJsonObject("log");
        assertThat(log.get("version").getAsString()).isEqualTo("1.2");
        JsonArray entries = log.getAsJsonArray("entries");
        assertThat(entries.get(0).getAsJsonObject().get("_id").getAsString()).isEqualTo("42-1");
        assertThat(entries.get(1).getAsJsonObject().get("_id").getAsString()).isEqualTo("42-2");
        JsonObject first = entries.get(0).getAsJsonObject();
        assertThat(first.get("startedDateTime").getAsString()).isEqualTo("2026-01-02T03:04:05.100Z");
        assertThat(first.getAsJsonObject("response").getAsJsonObject("content").get("text").getAsString()).isEqualTo("ok");

        List<HarReader.Entry> read = HarReader.read(converted.har());
        assertThat(read).extracting(HarReader.Entry::url)
                .containsExactly("http://localhost:8080/first", "http://localhost:8080/second");
    }

    @Test
    void aClosedJournalIsCutToItsRecordsAndRecordsLargerThanARegionComeBackWhole() throws Exception {
        Journal journal = Journal.create(temp, 42, Clock.systemUTC());
        byte[] large = new byte[(4 << 20) + 1000];
        Arrays.fill(large, (byte) 'x');
        Instant now = Instant.parse("2026-01-02T03:04:05.100Z");
        for (int i = 0; i < 3; i++) {
            journal.accept(new RecordedExchange("42-" + i, 42, now.plusMillis(i), 1, "POST", "http://h/" + i,
                    "HTTP/1.1", List.of(new Header("Content-Type", "text/plain")), new Body(large, large.length), 200,
                    List.of(), Body.EMPTY));
        }
        journal.close();
        assertThat(Files.size(journal.path())).isEqualTo(endOfRecords(journal.path()));

        HarFile.Converted converted = HarFile.convert(journal.path(), "test");

        assertThat(converted.entries()).isEqualTo(3);
        assertThat(converted.damaged()).isZero();
        List<HarReader.Entry> read = HarReader.read(converted.har());
        assertThat(read).extracting(HarReader.Entry::url).containsExactly("http://h/0", "http://h/1", "http://h/2");
        assertThat(read).allSatisfy(entry -> assertThat(entry.requestBody()).isEqualTo(large));
    }

    /** Where the journal's records end: each is its length (4 bytes) and its bytes; 0 ends them. */
    private static long endOfRecords(Path journal) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(journal));
        int end = 0;
        while (end + Integer.BYTES <= bytes.limit() && bytes.getInt(end) != 0) {
            end += Integer.BYTES + bytes.getInt(end);
        }
        return end;
    }

    @Test
    void anAbortedExchangeSaysWhyInTheHarAndReadsBackSo() throws Exception {
        Journal journal = Journal.create(temp, 42, Clock.systemUTC());
        byte[] part = "Hel".getBytes(StandardCharsets.UTF_8);
        journal.accept(new RecordedExchange("42-1", 42, Instant.EPOCH, 1, "GET", "http://h/hello", "HTTP/1.1",
                List.of(), Body.EMPTY, 200, List.of(), new Body(part, part.length),
                "the response never completed: java.io.IOException: stream closed"));
        journal.accept(new RecordedExchange("42-2", 42, Instant.EPOCH.plusMillis(1), 1, "GET", "http://h/boom",
                "HTTP/1.1", List.of(), Body.EMPTY, -1, List.of(), Body.EMPTY,
                "the response never completed: java.lang.IllegalStateException: boom"));
        journal.close();

        HarFile.Converted converted = HarFile.convert(journal.path(), "test");

        JsonArray entries = JsonParser.parseString(Files.readString(converted.har())).getAsJsonObject()
                .getAsJsonObject("log").getAsJsonArray("entries");
        JsonObject cut = entries.get(0).getAsJsonObject().getAsJsonObject("response");
        assertThat(cut.get("status").getAsInt()).isEqualTo(200);
        assertThat(cut.get("_error").getAsString()).endsWith("IOException: stream closed");
        JsonObject none = entries.get(1).getAsJsonObject().getAsJsonObject("response");
        assertThat(none.get("status").getAsInt()).as("no response sent: HAR's 0, not -1").isZero();
        assertThat(none.get("statusText").getAsString()).isEmpty();
        assertThat(HarReader.read(converted.har())).extracting(HarReader.Entry::error).containsExactly(
                "the response never completed: java.io.IOException: stream closed",
                "the response never completed: java.lang.IllegalStateException: boom");
    }

    @Test
    void aFileThatIsNotAJournalOfThisLayoutIsRefusedAndKept() throws Exception {
        Path older = temp.resolve("20260101-000000-7.journal");
        Files.writeString(older, "{\"startedDateTime\":\"2026-01-01T00:00:00.000Z\",\"time\":1.0}\n");

        assertThatThrownBy(() -> HarFile.convert(older, "test")).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a journal this version of respawn can read");
        assertThat(older).exists();
    }

    @Test
    void aJournalWithNoExchangeLeavesNoHar() throws Exception {
        Journal journal = Journal.create(temp, 7, Clock.systemUTC());
        journal.close();
        assertThat(HarFile.convert(journal.path(), "test").har()).isNull();
        assertThat(journal.path()).doesNotExist();
    }

    @Test
    void onlyJournalsOfWorkersNoLongerRunningAreOrphans() throws Exception {
        Journal mine = Journal.create(temp, ProcessHandle.current().pid(), Clock.systemUTC());
        Path dead = Files.createFile(temp.resolve("20260101-000000-" + Long.MAX_VALUE + ".journal"));
        mine.close();
        assertThat(HarFile.orphanedJournals(temp)).contains(dead, mine.path());
    }
}
