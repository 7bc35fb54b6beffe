package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeftThreadsTest {

    private final RestartLoader loader = new RestartLoader(7, List.of(Path.of("target/nothing")),
            ClassLoader.getSystemClassLoader());
    private final CountDownLatch release = new CountDownLatch(1);
    private Thread thread;

    @AfterEach
    void end() throws InterruptedException {
        release.countDown();
        thread.interrupt();
        thread.join(10_000);
    }

    @Test
    void givesUpOnThreadsThatAllSleepLongBeforeTheDeadline() {
        LeftThreads left = new LeftThreads(loader, () -> null);
        thread = new Thread(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                // Ended by the stop's interrupt, as Javalin's start check is.
            }
        }, "sleeper");
        thread.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> LeftThreads.sleeps(thread));

        // A deadline past the sleep's end: a wait that did not give up on the sleeper would see it end.
        Optional<String> notEnded = left.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(60), true);

        assertThat(notEnded).hasValueSatisfying(why -> assertThat(why).startsWith("thread 'sleeper'"));
        assertThat(thread.isAlive()).as("still sleeping: the wait did not last until the thread ended").isTrue();
        assertThat(left.all()).containsExactly(thread);
    }

    @Test
    void waitsForAThreadThatDoesNotSleepUntilItEnds() {
        LeftThreads left = new LeftThreads(loader, () -> null);
        thread = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "waiter");
        thread.start();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }, "respawn-test-releaser");
        releaser.start();

        Optional<String> notEnded = left.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(50), true);

        assertThat(notEnded).isEmpty();
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void sleepersAreAwaitedToTheDeadlineWhenToldSo() {
        LeftThreads left = new LeftThreads(loader, () -> null);
        thread = new Thread(() -> {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
            while (System.nanoTime() < end) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "poller");
        thread.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> LeftThreads.sleeps(thread));

        Optional<String> notEnded = left.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(50), false);

        assertThat(notEnded).isEmpty();
        assertThat(thread.isAlive()).isFalse();
    }
}
