package dev.respawn.it;

import static dev.respawn.it.ExceptionReports.SERVED;
import static dev.respawn.it.ExceptionReports.awaitReports;
import static dev.respawn.it.ExceptionReports.get;
import static dev.respawn.it.ExceptionReports.jsonReports;
import static dev.respawn.it.ExceptionReports.supervise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.respawn.it.ExceptionReports.Answer;

/**
 * What {@code --capture-exceptions} leaves alone: the application's answers, failed or not, and
 * the disk when one place keeps failing (the rate limit counts what it does not write).
 */
class ExceptionCaptureLimitsIT {

    @TempDir
    Path temp;

    @Test
    void answersExactlyAsWithoutCapture() throws Exception {
        List<String> paths = List.of("/order?item=book&quantity=-1", "/checkout?item=pen&quantity=0",
                "/reserve?item=book&quantity=-1", "/order?item=book&quantity=2", "/order?item=book&quantity=99",
                "/order?item=book&quantity=many", "/hello");
        List<Answer> without = new ArrayList<>();
        List<Answer> with = new ArrayList<>();
        ExampleWorkspace plain = ExampleWorkspace.copyOf("hello-http", temp.resolve("plain"));
        int plainPort = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(plain, plainPort)) {
            for (String path : paths) {
                without.add(get(plainPort, path));
            }
        }
        ExampleWorkspace captured = ExampleWorkspace.copyOf("hello-http", temp.resolve("captured"));
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(captured, port, "--capture-exceptions")) {
            for (String path : paths) {
                with.add(get(port, path));
            }
            awaitReports(captured, 4);
        }
        assertThat(with).isEqualTo(without);
        assertThat(without.get(3)).isEqualTo(new Answer(200, "ordered 2 x book from north"));
    }

    @Test
    void aSiteOverTheRateLimitIsCountedAndTheCountGoesInItsNextReport() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = supervise(app, port, "--capture-exceptions")) {
            AtomicInteger hits = new AtomicInteger();
            for (int i = 0; i < 12; i++) {
                assertThat(get(port, "/order?item=pen&quantity=-5").status()).isEqualTo(500);
                hits.incrementAndGet();
            }
            respawn.awaitStderr("more reports from one place than the rate limit allows", SERVED);
            assertThat(awaitReports(app, 5)).hasSize(5);

            // One more report is allowed every 12 s; every refused one until then is counted.
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                get(port, "/order?item=pen&quantity=-5");
                hits.incrementAndGet();
                return jsonReports(app).size() >= 6;
            });
            List<JsonObject> reports = jsonReports(app).stream().map(ExceptionReports::readUnchecked).toList();
            assertThat(reports).hasSize(6);
            assertThat(reports.subList(0, 5)).allSatisfy(r -> assertThat(r.get("notWrittenBefore").getAsLong()).isZero());
            long counted = reports.get(5).get("notWrittenBefore").getAsLong();
            assertThat(counted).isGreaterThanOrEqualTo(7);
            // Every hit was written or counted; the last poll may have come after the sixth was taken.
            assertThat(hits.get() - 6 - counted).isBetween(0L, 1L);
            assertThat(Files.readString(jsonReports(app).get(5).resolveSibling(jsonReports(app).get(5).getFileName()
                    .toString().replace(".json", ".txt")))).contains(counted + " more from the same place were counted");
        }
    }
}
