package dev.respawn.reloader.supervisor;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a worker's agent to answer a request (a hot swap, an in-JVM restart), with patience. */
final class AgentAnswers {

    private AgentAnswers() {
    }

    /** @return empty when the agent did it, else why not (also when it did not answer in time) */
    static Optional<String> await(CompletableFuture<Optional<String>> answer, Duration patience) {
        try {
            return answer.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + patience.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Optional.of(e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }
}
