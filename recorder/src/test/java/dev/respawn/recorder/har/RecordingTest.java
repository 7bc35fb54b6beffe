package dev.respawn.recorder.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.recorder.capture.Body;
import dev.respawn.recorder.capture.RecordedExchange;

class RecordingTest {

    @TempDir
    Path temp;

    private static RecordedExchange hello(String id, String path) {
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        return new RecordedExchange(id, 42, Instant.parse("2026-01-02T03:04:05Z"), 1, "GET", "http://h" + path,
                "HTTP/1.1", List.of(), Body.EMPTY, 200, List.of(), new Body(body, body.length));
    }

    @Test
    void eachLifeBecomesAHarOfItsOwnEvenWhenTwoBeginInTheSameSecond() throws Exception {
        Clock sameSecond = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneId.of("UTC"));
        List<String> said = new CopyOnWriteArrayList<>();
        Recording recording = Recording.start(temp, 42, sameSecond, "test", said::add);
        Path firstJournal = recording.journal();
        recording.accept(hello("42-1", "/first"));

        recording.nextLife();
        recording.accept(hello("42-2", "/second"));
        recording.nextLife();
        recording.finish();

        assertThat(recording.journal()).isNotEqualTo(firstJournal);
        assertThat(HarFile.orphanedJournals(temp)).isEmpty();
        assertThat(harNames()).as("the pid last in each name, where the har command looks for it").containsExactlyInAnyOrder("20260102-030405-42.har", "20260102-030405-2-42.har");
        assertThat(HarReader.read(temp.resolve("20260102-030405-42.har"))).extracting(HarReader.Entry::url)
                .containsExactly("http://h/first");
        assertThat(HarReader.read(temp.resolve("20260102-030405-2-42.har"))).extracting(HarReader.Entry::url)
                .containsExactly("http://h/second");
        assertThat(said).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("recorded 1 exchange in "));
    }

    @Test
    void onlyTheLastLivesHarsAreKeptAndNothingElseIsDeleted() throws Exception {
        Clock sameSecond = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneId.of("UTC"));
        java.nio.file.Files.writeString(temp.resolve("notes.har"), "mine");
        java.nio.file.Files.writeString(temp.resolve("20200101-000000-7.txt"), "mine too");
        Recording recording = Recording.start(temp, 42, sameSecond, "test", line -> { });
        recording.keepLives(2);
        for (int life = 1; life <= 5; life++) {
            recording.accept(hello("42-" + life, "/life" + life));
            if (life < 5) {
                recording.nextLife();
            }
        }
        recording.finish();

        assertThat(harNames()).containsExactlyInAnyOrder("notes.har", "20260102-030405-4-42.har",
                "20260102-030405-5-42.har");
        assertThat(temp.resolve("20200101-000000-7.txt")).exists();
    }

    @Test
    void aRecordingThatNeverBeganWritesNothing() throws Exception {
        Path directory = temp.resolve("recordings");
        Recording recording = Recording.prepare(directory, 42, Clock.systemUTC(), "test", line -> { });
        recording.accept(hello("42-1", "/before"));
        recording.nextLife();
        recording.finish();

        assertThat(directory).doesNotExist();
    }

    @Test
    void aRecordingRecordsFromItsBeginningOn() throws Exception {
        Recording recording = Recording.prepare(temp, 42, Clock.systemUTC(), "test", line -> { });
        recording.accept(hello("42-1", "/before"));
        recording.begin();
        recording.accept(hello("42-2", "/after"));
        recording.finish();

        assertThat(harNames()).hasSize(1);
        assertThat(HarReader.read(temp.resolve(harNames().get(0)))).extracting(HarReader.Entry::url)
                .containsExactly("http://h/after");
    }

    private List<String> harNames() throws Exception {
        try (var files = java.nio.file.Files.list(temp)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".har")).toList();
        }
    }
}
