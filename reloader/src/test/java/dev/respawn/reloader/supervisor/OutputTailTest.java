package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OutputTailTest {

    private static void append(OutputTail tail, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.append(bytes, bytes.length);
    }

    @Test
    void keepsTheLastNonBlankLinesAcrossChunks() {
        OutputTail tail = new OutputTail();
        append(tail, "one\r\ntw");
        append(tail, "o\n\n   \nthree (no newline)");
        assertThat(tail.last(2)).containsExactly("two", "three (no newline)");
        assertThat(tail.last(10)).containsExactly("one", "two", "three (no newline)");
    }
}
