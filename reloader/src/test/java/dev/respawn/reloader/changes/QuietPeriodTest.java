package dev.respawn.reloader.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuietPeriodTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<List<Path>> batches = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aBurstBecomesOneBatchOnceItSettles() throws Exception {
        QuietPeriod quiet = new QuietPeriod(executor, Duration.ofMillis(100), Duration.ofMillis(50),
                batch -> batches.add(batch));
        for (int i = 0; i < 20; i++) {
            Path path = Path.of("C" + i + ".class");
            executor.execute(() -> quiet.changed(path));
            Thread.sleep(5);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
        assertThat(batches.get(0)).hasSize(20);
        // Nothing else follows the burst: a marker task scheduled after two quiet periods runs first.
        AtomicBoolean later = new AtomicBoolean();
        executor.schedule(() -> later.set(true), 250, TimeUnit.MILLISECONDS);
        await().untilTrue(later);
        assertThat(batches).hasSize(1);
    }

    @Test
    void aDeclinedBatchIsOfferedAgainWithLaterChanges() {
        AtomicBoolean ready = new AtomicBoolean();
        QuietPeriod quiet = new QuietPeriod(executor, Duration.ofMillis(20), Duration.ofMillis(20), batch -> {
            if (!ready.get()) {
                return false;
            }
            batches.add(batch);
            return true;
        });
        executor.execute(() -> quiet.changed(Path.of("A.class")));
        executor.schedule(() -> quiet.changed(Path.of("B.class")), 100, TimeUnit.MILLISECONDS);
        executor.schedule(() -> ready.set(true), 200, TimeUnit.MILLISECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
        assertThat(batches.get(0)).containsExactly(Path.of("A.class"), Path.of("B.class"));
    }
}
