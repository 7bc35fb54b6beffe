package dev.respawn.coverage.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeptInstrumentationTest {

    private final KeptInstrumentation kept = new KeptInstrumentation();
    private final List<String> transformed = new ArrayList<>();

    private byte[] transform(String name, byte[] bytes) {
        return kept.transform(name, bytes, b -> {
            transformed.add(name);
            return b[0] == 0 ? null : new byte[] {42, b[0]};
        });
    }

    @Test
    void theSameClassFileIsTransformedOnceAndAnotherAnew() {
        assertThat(transform("com/example/Shop", new byte[] {1, 2})).containsExactly(42, 1);
        assertThat(transform("com/example/Shop", new byte[] {1, 2})).containsExactly(42, 1);
        assertThat(transform("com/example/Shop", new byte[] {3, 2})).containsExactly(42, 3);
        assertThat(transform("com/example/Other", new byte[] {1, 2})).containsExactly(42, 1);

        assertThat(transformed).containsExactly("com/example/Shop", "com/example/Shop", "com/example/Other");
    }

    @Test
    void aClassLeftAloneIsKeptAsLeftAloneAndAFailureIsNotKept() {
        assertThat(transform("com/example/Plain", new byte[] {0})).isNull();
        assertThat(transform("com/example/Plain", new byte[] {0})).isNull();
        assertThatThrownBy(() -> kept.transform("com/example/Huge", new byte[] {1}, b -> {
            throw new IllegalStateException("Method too large");
        })).hasMessage("Method too large");

        assertThat(transformed).containsExactly("com/example/Plain");
        assertThat(kept.size()).isEqualTo(1);
    }
}
