package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class InFlightTest {

    private final InFlight inFlight = new InFlight();

    @Test
    void nothingInFlightWaitsForNothing() throws Exception {
        assertThat(inFlight.awaitAnswered(Duration.ofMinutes(1))).isZero();
    }

    @Test
    void waitsUntilTheLastAnswerIsDone() throws Exception {
        CompletableFuture<Void> client = new CompletableFuture<>();
        Callback first = inFlight.track(Callback.from(() -> client.complete(null)), () -> false);
        Callback second = inFlight.track(Callback.NOOP, () -> false);
        first.succeeded();
        CompletableFuture<Integer> waited = CompletableFuture.supplyAsync(() -> {
            try {
                return inFlight.awaitAnswered(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(client).as("the client's own callback").isCompleted();
        assertThat(inFlight.unanswered()).isEqualTo(1);
        second.failed(new java.io.EOFException());
        assertThat(waited.get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void saysHowManyTheBoundCut() throws Exception {
        inFlight.track(Callback.NOOP, () -> false);
        assertThat(inFlight.awaitAnswered(Duration.ofMillis(50))).isEqualTo(1);
    }

    @Test
    void anEventStreamUnderWayIsNotWaitedFor() throws Exception {
        inFlight.track(Callback.NOOP, () -> true);
        assertThat(inFlight.awaitAnswered(Duration.ofMinutes(1))).isZero();
    }

    @Test
    void aForgottenRequestIsNotWaitedFor() throws Exception {
        inFlight.forget(inFlight.track(Callback.NOOP, () -> false));
        assertThat(inFlight.awaitAnswered(Duration.ofMinutes(1))).isZero();
    }

    @Test
    void onlyARequestForAnEventStreamAloneCountsAsOneBeforeItsAnswerBegins() {
        assertThat(InFlight.asksForEventStreamOnly(java.util.List.of("text/event-stream"))).isTrue();
        assertThat(InFlight.asksForEventStreamOnly(java.util.List.of("Text/Event-Stream; charset=utf-8"))).isTrue();
        assertThat(InFlight.asksForEventStreamOnly(java.util.List.of("text/event-stream, */*"))).isFalse();
        assertThat(InFlight.asksForEventStreamOnly(java.util.List.of("text/event-stream", "application/json"))).isFalse();
        assertThat(InFlight.asksForEventStreamOnly(java.util.List.of())).isFalse();
    }
}
