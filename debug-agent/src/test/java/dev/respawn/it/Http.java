package dev.respawn.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Real HTTP requests to a worker on loopback. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Http() {
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The body of {@code GET path}, or null while nothing answers. */
    static String bodyOrNull(int port, String path) {
        try {
            HttpResponse<String> response = get(port, path);
            return response.statusCode() == 200 ? response.body().strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until {@code GET path} answers 200 with exactly {@code expected}; fails with what it last saw. */
    static void awaitBody(int port, String path, String expected, Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>();
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
                String body = bodyOrNull(port, path);
                last.set(body);
                return expected.equals(body);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("GET " + path + " on port " + port + " did not answer '" + expected
                    + "' within " + timeout + "; it last answered " + (last.get() == null ? "nothing" : "'" + last.get() + "'"), e);
        }
    }
}
