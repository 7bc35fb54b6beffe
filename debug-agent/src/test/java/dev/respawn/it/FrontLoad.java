package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded loopback load on one path: a few clients on keep-alive connections, each sending a
 * request every few milliseconds until stopped or out of time, keeping every status, body and
 * failure (refused, reset) for assertions.
 */
final class FrontLoad implements AutoCloseable {

    private static final Duration PACE = Duration.ofMillis(10);
    private static final Duration LONGEST = Duration.ofMinutes(3);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> bodies = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();

    FrontLoad(int port, String path, int clientCount) {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        long deadline = System.nanoTime() + LONGEST.toNanos();
        for (int i = 0; i < clientCount; i++) {
            Thread thread = new Thread(() -> {
                while (running.get() && System.nanoTime() < deadline) {
                    send(uri);
                    try {
                        Thread.sleep(PACE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "front-load-" + i);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
    }

    private void send(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90)).GET().build();
        sent.incrementAndGet();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            String body = response.statusCode() == 200 ? response.body().strip() : response.statusCode() + " " + response.body();
            bodies.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
        } catch (IOException e) {
            failures.add(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until requests flow again after a reload, before the next one begins. */
    void awaitFlowing(Duration within) {
        int before = sent();
        await().atMost(within).until(() -> sent() > before + 20);
    }

    /** No request was refused, reset or answered other than 200. */
    void assertLostNone() {
        assertThat(failures()).as("refused or reset: " + this).isEmpty();
        assertThat(statuses().keySet()).as("statuses: " + this).containsOnly(200);
    }

    int sent() {
        return sent.get();
    }

    /** Stops the clients after the requests under way have their answers. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : clients) {
            thread.join(Duration.ofSeconds(100).toMillis());
        }
    }

    List<String> failures() {
        return failures;
    }

    Map<Integer, AtomicInteger> statuses() {
        return statuses;
    }

    Map<String, AtomicInteger> bodies() {
        return bodies;
    }

    @Override
    public String toString() {
        return sent + " sent; statuses " + statuses + "; failures " + failures + "; bodies " + bodies.keySet();
    }
}
