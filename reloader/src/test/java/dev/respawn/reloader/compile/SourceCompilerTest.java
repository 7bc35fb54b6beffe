package dev.respawn.reloader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

    private boolean compile(SourceFile... sources) {
        SourceCompiler compiler = new SourceCompiler(scratch, new PrintStream(err, true, StandardCharsets.UTF_8));
        return compiler.compile(List.of(sources), output, List.of("-g", "-parameters", "-classpath", output.toString(),
                "--release", "17", "-encoding", "UTF-8"));
    }

    @Test
    void compilesIntoTheOutputAndDropsNestedClassesThatAreGone() throws IOException {
        Path source = Classes.write(root, "a.Foo", "package a; class Foo { static class Old { } }");
        SourceFile foo = new SourceFile(root, source);
        assertThat(compile(foo)).isTrue();
        assertThat(output.resolve("a/Foo$Old.class")).exists();

        Files.writeString(source, "package a; class Foo { static class New { } }");
        assertThat(compile(foo)).isTrue();
        assertThat(output.resolve("a/Foo.class")).exists();
        assertThat(output.resolve("a/Foo$New.class")).exists();
        assertThat(output.resolve("a/Foo$Old.class")).doesNotExist();
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aClassFileWithTheSameBytesIsNotWrittenAgain() throws IOException {
        Path source = Classes.write(root, "a.Foo", "package a; class Foo { Runnable r = () -> { }; class In { } }");
        SourceFile foo = new SourceFile(root, source);
        assertThat(compile(foo)).isTrue();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(output.resolve("a/Foo.class"), old);
        Files.setLastModifiedTime(output.resolve("a/Foo$In.class"), old);

        Files.writeString(source, "package a; class Foo { Runnable r = () -> { }; class In { } }\n// a comment\n");
        assertThat(compile(foo)).isTrue();
        assertThat(Files.getLastModifiedTime(output.resolve("a/Foo.class"))).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(output.resolve("a/Foo$In.class"))).isEqualTo(old);

        Files.writeString(source, "package a; class Foo { Runnable r = () -> { }; class In { int x = 1; } }");
        assertThat(compile(foo)).isTrue();
        assertThat(Files.getLastModifiedTime(output.resolve("a/Foo$In.class"))).isNotEqualTo(old);
    }

    @Test
    void aCompileErrorIsFileLineMessageAndLeavesTheOutputAlone() throws IOException {
        Path source = Classes.write(root, "a.Foo", "package a; class Foo { int x = 1; }");
        SourceFile foo = new SourceFile(root, source);
        assertThat(compile(foo)).isTrue();
        byte[] before = Files.readAllBytes(output.resolve("a/Foo.class"));

        Files.writeString(source, "package a;\nclass Foo {\n  int x = ;\n}\n");
        assertThat(compile(foo)).isFalse();
        assertThat(output.resolve("a/Foo.class")).hasBinaryContent(before);
        assertThat(Files.readString(CompileErrors.file(scratch)))
                .as("the errors, for the front").contains("Foo.java:3: ");
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(source + ":3: illegal start of expression")
                .contains("respawn: Foo.java did not compile; the worker keeps the classes it has");

        Files.writeString(source, "package a;\nclass Foo {\n  int x = 2;\n}\n");
        assertThat(compile(foo)).isTrue();
        assertThat(CompileErrors.file(scratch)).as("fixed").doesNotExist();
    }

    @Test
    void aDeletedSourceTakesItsClassesAndOnlyThose() throws IOException {
        Path source = Classes.write(root, "a.Foo", "package a; class Foo { Runnable r = () -> { }; class In { } }");
        Path other = Classes.write(root, "a.FooBar", "package a; class FooBar { }");
        assertThat(compile(new SourceFile(root, source), new SourceFile(root, other))).isTrue();
        assertThat(output.resolve("a/Foo$In.class")).exists();

        new SourceFile(root, source).deleteClasses(output);
        try (var left = Files.list(output.resolve("a"))) {
            assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly("FooBar.class");
        }
    }
}
