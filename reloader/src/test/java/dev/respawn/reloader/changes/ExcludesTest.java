package dev.respawn.reloader.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.respawn.reloader.options.Options;

class ExcludesTest {

    private final Path root = Path.of("/p/target/classes");
    private final Excludes defaults = new Excludes(Options.DEFAULT_EXCLUDES);

    @Test
    void theDefaultsExcludeStaticFoldersAtAnyDepth() {
        assertThat(defaults.excluded(root, root.resolve("static/app.js"))).isTrue();
        assertThat(defaults.excluded(root, root.resolve("public/css/site.css"))).isTrue();
        assertThat(defaults.excluded(root, root.resolve("templates/index.html"))).isTrue();
        assertThat(defaults.excluded(root, root.resolve("META-INF/resources/index.html"))).isTrue();
        assertThat(defaults.excluded(root, root.resolve("com/x/static/Foo.class"))).isTrue();
    }

    @Test
    void classesAndConfigurationAreNotExcluded() {
        assertThat(defaults.excluded(root, root.resolve("com/x/Main.class"))).isFalse();
        assertThat(defaults.excluded(root, root.resolve("application.properties"))).isFalse();
        assertThat(defaults.excluded(root, root.resolve("com/x/StaticHelper.class"))).isFalse();
        assertThat(defaults.excluded(root, root)).isFalse();
    }

    @Test
    void aUserGlobMatchesAtAnyDepth() {
        Excludes excludes = new Excludes(List.of("*.css", "/generated/"));
        assertThat(excludes.excluded(root, root.resolve("site.css"))).isTrue();
        assertThat(excludes.excluded(root, root.resolve("a/b/site.css"))).isTrue();
        assertThat(excludes.excluded(root, root.resolve("generated/Gen.class"))).isTrue();
        assertThat(excludes.excluded(root, root.resolve("site.js"))).isFalse();
    }
}
