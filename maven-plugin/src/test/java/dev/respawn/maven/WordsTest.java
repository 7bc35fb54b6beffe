package dev.respawn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void splitsOnSpacesAndKeepsQuotedSpaces() {
        assertThat(Words.split("  8080 --name 'two words' \"-Dx=a b\"  ")).containsExactly(
                "8080", "--name", "two words", "-Dx=a b");
    }

    @Test
    void nothingGivenIsNoWords() {
        assertThat(Words.split(null)).isEmpty();
        assertThat(Words.split("   ")).isEmpty();
        assertThat(Words.split("''")).containsExactly("");
    }
}
