package dev.respawn.reloader.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class TransformedClassesTest {

    private final TransformedClasses<String> transformed = new TransformedClasses<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final Function<byte[], String> transformation = bytes -> {
        runs.incrementAndGet();
        return "transformed " + new String(bytes, StandardCharsets.UTF_8);
    };

    @Test
    void theSameClassFileIsTransformedOnceForEveryLife() {
        assertThat(transformed.transform("a/Shop", bytes("v1"), transformation)).isEqualTo("transformed v1");
        // The next life's loader reads the class file again: a new array with the same bytes.
        assertThat(transformed.transform("a/Shop", bytes("v1"), transformation)).isEqualTo("transformed v1");

        assertThat(runs).hasValue(1);
    }

    @Test
    void aChangedClassFileOrAnotherClassIsTransformedAnew() {
        transformed.transform("a/Shop", bytes("v1"), transformation);

        assertThat(transformed.transform("a/Shop", bytes("v2"), transformation)).isEqualTo("transformed v2");
        assertThat(transformed.transform("a/Order", bytes("v1"), transformation)).isEqualTo("transformed v1");
        assertThat(runs).hasValue(3);
    }

    @Test
    void aClassLeftAloneIsRememberedAsSuchAndAFailureIsNot() {
        assertThat(transformed.transform("a/Api", bytes("interface"), bytes -> {
            runs.incrementAndGet();
            return null;
        })).isNull();
        assertThat(transformed.transform("a/Api", bytes("interface"), transformation)).isNull();
        assertThat(runs).hasValue(1);

        assertThatThrownBy(() -> transformed.transform("a/Broken", bytes("x"), bytes -> {
            throw new IllegalStateException("cannot instrument");
        })).hasMessage("cannot instrument");
        assertThat(transformed.transform("a/Broken", bytes("x"), transformation)).isEqualTo("transformed x");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
