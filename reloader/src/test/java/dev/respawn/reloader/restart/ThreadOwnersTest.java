package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

class ThreadOwnersTest {

    @Test
    void findsAndStopsTheExecutorAThreadWorksFor() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1);
        Thread worker = workerOf(pool);
        assertThat(ThreadOwners.executorOf(worker)).isSameAs(pool);

        assertThat(ThreadOwners.stop(List.of(worker))).isEqualTo(1);

        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void leavesTheCommonPoolAlone() throws Exception {
        Thread worker = workerOf(ForkJoinPool.commonPool());
        assertThat(ThreadOwners.executorOf(worker)).isNull();
        assertThat(ThreadOwners.stop(List.of(worker))).isZero();
    }

    @Test
    void stopsAJdkHttpServerFromItsDispatcherThread() throws Exception {
        List<Thread> before = Threads.all();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        Thread dispatcher = Threads.all().stream().filter(t -> !before.contains(t) && t.getName().equals("HTTP-Dispatcher"))
                .findFirst().orElseThrow();

        ThreadOwners.stop(List.of(dispatcher));

        dispatcher.join(10_000);
        assertThat(dispatcher.isAlive()).as("the dispatcher ended").isFalse();
    }

    private static Thread workerOf(ExecutorService pool) throws InterruptedException {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        pool.execute(() -> {
            thread.set(Thread.currentThread());
            ran.countDown();
        });
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        return thread.get();
    }
}
