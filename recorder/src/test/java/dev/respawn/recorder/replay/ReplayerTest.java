package dev.respawn.recorder.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.respawn.recorder.har.HarReader;

class ReplayerTest {

    @Test
    void anExchangeRecordedWithoutAWholeResponseIsSkippedNotComparedWithAnEmptyBody() {
        // Nothing listens there: an exchange that were sent would fail, not be skipped.
        Replayer replayer = new Replayer(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"), List.of());
        HarReader.Entry aborted = new HarReader.Entry("GET", "http://127.0.0.1:8080/hello", List.of(), new byte[0],
                false, 200, List.of(), new byte[0], 0, "text/plain",
                "the response never completed: java.io.IOException: stream is closed");

        Outcome outcome = replayer.replay(5, aborted);

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.SKIPPED);
        assertThat(outcome.request()).isEqualTo("GET /hello");
        assertThat(outcome.lines()).singleElement().asString().contains("stream is closed");
    }
}
