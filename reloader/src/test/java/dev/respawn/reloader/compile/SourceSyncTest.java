package dev.respawn.reloader.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSyncTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path project;

    @Test
    void keepsEachClassFolderInStepWithItsSourcesAndResources() throws IOException {
        Path sources = Files.createDirectories(project.resolve("src/main/java"));
        Path resources = Files.createDirectories(project.resolve("src/main/resources"));
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        try (SourceSync sync = new SourceSync(new SourceCompiler(project.resolve("scratch"), print), false, print)) {
            sync.sources(sources, classes, () -> List.of("-classpath", classes.toString()));
            assertThat(sync.sources(sources, project.resolve("elsewhere"), List::of)).as("one class folder a root").isFalse();
            sync.resources(resources, classes);
            sync.warmUp();

            Path foo = Classes.write(sources, "a.Foo", "package a; class Foo { class In { } }");
            Files.writeString(resources.resolve("app.properties"), "x=1\n");
            await().atMost(WITHIN).until(() -> Files.exists(classes.resolve("a/Foo$In.class"))
                    && Files.exists(classes.resolve("app.properties")));

            Files.delete(foo);
            await().atMost(WITHIN).until(() -> !Files.exists(classes.resolve("a/Foo.class"))
                    && !Files.exists(classes.resolve("a/Foo$In.class")));
            assertThat(classes.resolve("app.properties")).hasContent("x=1");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        }
    }
}
