package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class GateTest {

    private final Gate gate = new Gate();

    @Test
    void holdsUntilTheApplicationServesAndReleasesWhatWaited() {
        CompletableFuture<Integer> waiting = gate.port();
        assertThat(waiting).isNotDone();
        gate.open(8080);
        assertThat(waiting).isCompletedWithValue(8080);
        assertThat(gate.port()).isCompletedWithValue(8080);
    }

    @Test
    void aReloadHoldsNewRequestsAndCountsAsACut() {
        gate.open(8080);
        long before = gate.reloads();
        gate.hold();
        assertThat(gate.port()).isNotDone();
        assertThat(gate.reloads()).isEqualTo(before + 1);
        gate.open(8081);
        assertThat(gate.port()).isCompletedWithValue(8081);
    }

    @Test
    void aFailureAnswersWaitingAndLaterRequestsWithWhy() {
        CompletableFuture<Integer> waiting = gate.port();
        gate.fail("Exception in thread \"main\"");
        assertThatThrownBy(waiting::join).hasCauseInstanceOf(Gate.NotServing.class)
                .hasMessageContaining("Exception in thread");
        assertThat(gate.port()).isCompletedExceptionally();
    }

    @Test
    void aHotSwapReturnsToWhatWasBefore() {
        gate.open(8080);
        gate.hold();
        gate.reopen();
        assertThat(gate.port()).isCompletedWithValue(8080);

        gate.fail("broken");
        gate.hold();
        gate.reopen();
        assertThat(gate.port()).isCompletedExceptionally();
    }
}
