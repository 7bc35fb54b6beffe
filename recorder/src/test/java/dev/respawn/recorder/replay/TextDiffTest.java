package dev.respawn.recorder.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void showsTheChangedLinesRecordedFirst() {
        assertThat(TextDiff.of(utf8("a\nb\nc\n"), utf8("a\nB\nc\n"))).containsExactly("-b", "+B");
    }

    @Test
    void showsAddedAndRemovedLines() {
        assertThat(TextDiff.of(utf8("one\ntwo"), utf8("one\ntwo\nthree"))).containsExactly("+three");
        assertThat(TextDiff.of(utf8("one\ntwo"), utf8("two"))).containsExactly("-one");
    }

    @Test
    void binaryBodiesSayWhereTheyFirstDiffer() {
        assertThat(TextDiff.of(new byte[] {1, 2, (byte) 0xff}, new byte[] {1, 3}))
                .containsExactly("bodies differ from byte 1 (3 bytes recorded, 2 now)");
    }
}
