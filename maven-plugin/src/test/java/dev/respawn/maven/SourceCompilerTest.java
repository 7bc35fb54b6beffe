package dev.respawn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCompilerTest {

    @TempDir
    Path root;

    @TempDir
    Path output;

    @TempDir
    Path scratch;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private SourceCompiler compiler() {
        return new SourceCompiler(output, scratch, List.of("-g", "-parameters", "-classpath", output.toString(),
                "--release", "17", "-encoding", "UTF-8"), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void compilesIntoTheOutputAndDropsNestedClassesThatAreGone() throws IOException {
        Path source = Classes.write(root, "a.Foo", "package a; class Foo { static class Old { } }");
        SourceFile foo = new SourceFile(root, source);
        assertThat(compiler().compile(List.of(foo))).isTrue();
        assertThat(output.resolve("a/Foo$Old.class")).exists();

        Files.writeString(source, "package a; class Foo { static class New { } }");
        assertThat(compiler().compile(List.of(foo))).isTrue();
        assertThat(output.resolve("a/Foo.class")).exists();
        assertThat(output.resolve("a/Foo$New.class")).exists();
        assertThat(output.resolve("a/Foo$Old.class")).doesNotExist();
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aCompileErrorIsFileLineMessageAndLeavesTheOutputAlone() throws IOException {
        Path source = Classes.write(root, "a.Foo", "package a; class Foo { int x = 1; }");
        SourceFile foo = new SourceFile(root, source);
        assertThat(compiler().compile(List.of(foo))).isTrue();
        byte[] before = Files.readAllBytes(output.resolve("a/Foo.class"));

        Files.writeString(source, "package a;\nclass Foo {\n  int x = ;\n}\n");
        assertThat(compiler().compile(List.of(foo))).isFalse();
        assertThat(output.resolve("a/Foo.class")).hasBinaryContent(before);
        assertThat(Files.readString(dev.respawn.reloader.compile.CompileErrors.file(scratch)))
                .as("the errors, for the front").contains("Foo.java:3: ");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(source + ":3: illegal start of expression")
                .contains("respawn: Foo.java did not compile; the worker keeps the classes it has");

        Files.writeString(source, "package a;\nclass Foo {\n  int x = 2;\n}\n");
        assertThat(compiler().compile(List.of(foo))).isTrue();
        assertThat(dev.respawn.reloader.compile.CompileErrors.file(scratch)).as("fixed").doesNotExist();
    }

    @Test
    void aDeletedSourceTakesItsClassesAndOnlyThose() throws IOException {
        Path source = Classes.write(root, "a.Foo", "package a; class Foo { Runnable r = () -> { }; class In { } }");
        Path other = Classes.write(root, "a.FooBar", "package a; class FooBar { }");
        assertThat(compiler().compile(List.of(new SourceFile(root, source), new SourceFile(root, other)))).isTrue();
        assertThat(output.resolve("a/Foo$In.class")).exists();

        new SourceFile(root, source).deleteClasses(output);
        try (var left = Files.list(output.resolve("a"))) {
            assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly("FooBar.class");
        }
    }
}
