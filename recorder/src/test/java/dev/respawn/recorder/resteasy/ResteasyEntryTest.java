package dev.respawn.recorder.resteasy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;

class ResteasyEntryTest {

    private final List<RecordedExchange> journal = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder(1024, new Redactor(List.of(), false), journal::add,
            Clock.systemUTC(), 1);

    @BeforeEach
    void activate() {
        Recorder.activate(recorder);
    }

    @AfterEach
    void deactivate() {
        Recorder.activate(null);
    }

    /** A request context created on the event loop while it served the exchange. */
    private Object createdServing(Exchange exchange) {
        Object context = new Object();
        recorder.bind(exchange);
        try {
            ResteasyEntry.created(context);
        } finally {
            recorder.unbind();
        }
        return context;
    }

    @Test
    void aWorkerThreadRunningTheContextServesItsRequestWhileItRuns() throws Exception {
        Exchange exchange = recorder.begin();
        Object context = createdServing(exchange);

        String[] seen = CompletableFuture.supplyAsync(() -> {
            Object bound = ResteasyEntry.enter(context);
            String during = recorder.exchange() == null ? null : recorder.exchange().id();
            ResteasyEntry.exit(bound);
            return new String[] {during, recorder.exchange() == null ? null : "still bound"};
        }).get();

        assertThat(seen).containsExactly(exchange.id(), null);
    }

    @Test
    void neitherAContextCreatedOutsideARequestNorAFinishedExchangeIsServed() {
        Object outside = new Object();
        ResteasyEntry.created(outside);
        Exchange exchange = recorder.begin();
        Object finished = createdServing(exchange);
        exchange.finish(200, List.of());

        assertThat(ResteasyEntry.enter(outside)).isNull();
        assertThat(ResteasyEntry.enter(finished)).isNull();
        assertThat(recorder.exchange()).isNull();
    }

    @Test
    void aThreadAlreadyServingARequestKeepsIt() {
        Exchange served = recorder.begin();
        Object context = createdServing(recorder.begin());
        recorder.bind(served);
        try {
            assertThat(ResteasyEntry.enter(context)).isNull();
            assertThat(recorder.exchange()).isSameAs(served);
        } finally {
            recorder.unbind();
        }
    }
}
