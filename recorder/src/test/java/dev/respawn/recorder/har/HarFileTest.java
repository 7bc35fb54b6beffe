package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    void aJournalBecomesHarInStartOrderLeavingOutALineAKillCutShort() throws Exception {
        Path directory = temp.resolve("recordings");
        Journal journal = Journal.create(directory, 42, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
        Instant now = Instant.parse("2026-01-02T03:04:05.100Z");
        journal.accept(exchange("42-2", now.plusMillis(5), "/second"));
        journal.accept(exchange("42-1", now, "/first"));
        journal.close();
        Files.writeString(journal.path(), "{\"startedDateTime\":\"2026-01-02T03:", StandardOpenOption.APPEND);
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
