package dev.respawn.reloader.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class LifeOutputsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final LifeOutputs outputs = new LifeOutputs();
    private final List<String> written = new CopyOnWriteArrayList<>();

    @Test
    void writesInTurnWhenNoRestartHoldsItBack() {
        outputs.write(() -> written.add("first"));
        outputs.write(() -> written.add("second"));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(written).containsExactly("first", "second"));
    }

    @Test
    void writesNothingWhileARestartHoldsItBackAndEverythingOnceReleased() throws Exception {
        long hold = outputs.hold();
        CountDownLatch ran = new CountDownLatch(1);
        outputs.write(() -> {
            written.add("the ended life's HAR");
            ran.countDown();
        });

        // The writer would run it at once if nothing held it back (the test above).
        assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("written while held").isFalse();
        outputs.release(hold);
        assertThat(ran.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(written).containsExactly("the ended life's HAR");
    }

    @Test
    void anEarlierRestartsReleaseDoesNotReleaseALaterHold() throws Exception {
        long first = outputs.hold();
        long second = outputs.hold();
        CountDownLatch ran = new CountDownLatch(1);
        outputs.write(ran::countDown);

        outputs.release(first);
        assertThat(ran.await(300, TimeUnit.MILLISECONDS)).as("written while the later restart holds").isFalse();
        outputs.release(second);
        assertThat(ran.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void theJvmsExitWritesWhatIsHeldBackAndWaitsForIt() {
        outputs.hold();
        outputs.write(() -> {
            sleep(200);
            written.add("slow");
        });
        outputs.write(() -> {
            throw new IllegalStateException("one add-on's file failed");
        });
        outputs.write(() -> written.add("after a failure"));

        assertThat(outputs.awaitWritten(PATIENCE)).isTrue();
        assertThat(written).containsExactlyInAnyOrder("slow", "after a failure");
    }

    @Test
    void saysWhenItsPatienceRanOut() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        outputs.write(() -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        // On the writer thread, not on the caller's.
        assertThat(started.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(outputs.awaitWritten(Duration.ofMillis(200))).isFalse();
        never.countDown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
