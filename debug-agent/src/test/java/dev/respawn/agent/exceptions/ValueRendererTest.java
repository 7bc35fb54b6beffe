package dev.respawn.agent.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class ValueRendererTest {

    private final ValueRenderer renderer = new ValueRenderer(2);

    /** Whatever the application's methods do, the renderer must never call them. */
    static final class Hostile {
        private final String name = "trap";
        private Hostile self = this;

        @Override
        public String toString() {
            throw new AssertionError("toString() called");
        }

        @Override
        public int hashCode() {
            throw new AssertionError("hashCode() called");
        }

        @Override
        public boolean equals(Object other) {
            throw new AssertionError("equals() called");
        }
    }

    enum Size { SMALL }

    record Pair(Object left, Object right) {
    }

    @Test
    void writesPlainValuesAsTheyAre() {
        assertThat(renderer.render(null)).isEqualTo("null");
        assertThat(renderer.render("a\"b\n")).isEqualTo("\"a\\\"b\\n\"");
        assertThat(renderer.render('x')).isEqualTo("'x'");
        assertThat(renderer.render(-1)).isEqualTo("-1");
        assertThat(renderer.render(2.5d)).isEqualTo("2.5");
        assertThat(renderer.render(true)).isEqualTo("true");
        assertThat(renderer.render(Size.SMALL)).isEqualTo("Size.SMALL");
        assertThat(renderer.render(java.time.Duration.ofSeconds(3))).isEqualTo("PT3S");
    }

    @Test
    void neverCallsTheApplicationsMethodsAndSurvivesCycles() {
        String rendered = renderer.render(new Hostile());
        assertThat(rendered).startsWith("Hostile@").contains("name=\"trap\"", "self=Hostile@");
        assertThat(renderer.render(List.of(new Hostile()))).startsWith("List12(1) [Hostile@").contains("name=\"trap\"");
    }

    @Test
    void followsFieldsOnlyToItsDepth() {
        Pair nested = new Pair(new Pair(new Pair("deep", null), null), null);
        assertThat(renderer.render(nested))
                .matches("Pair@\\p{XDigit}+ \\{left=Pair@\\p{XDigit}+ \\{left=Pair@\\p{XDigit}+, right=null}, right=null}");
    }

    @Test
    void summarisesArraysCollectionsAndMaps() {
        int[] numbers = new int[25];
        assertThat(renderer.render(numbers)).startsWith("int[25] {0, 0,").endsWith(", ...}");
        List<String> names = new ArrayList<>(List.of("a", "b"));
        assertThat(renderer.render(names)).isEqualTo("ArrayList(2) [\"a\", \"b\"]");
        assertThat(renderer.render(new TreeMap<>(Map.of("k", 1)))).isEqualTo("TreeMap(1) {\"k\"=1}");
    }

    @Test
    void boundsLongStringsAndWholeValues() {
        String rendered = renderer.render("x".repeat(5000));
        assertThat(rendered).hasSizeLessThan(ValueRenderer.MAX_STRING + 30).endsWith("...(5000 chars)");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add("y".repeat(150));
        }
        assertThat(renderer.render(many.toArray())).hasSizeLessThanOrEqualTo(ValueRenderer.MAX_LENGTH + 3);
    }

    @Test
    void listsAReceiversFieldsOneLevelDown() {
        var fields = renderer.fields(new Pair(new Pair(1, 2), "r"));
        assertThat(fields).extracting(Map.Entry::getKey).containsExactly("left", "right");
        assertThat(fields.get(0).getValue()).matches("Pair@\\p{XDigit}+ \\{left=1, right=2}");
        assertThat(fields.get(1).getValue()).isEqualTo("\"r\"");
    }
}
