package dev.respawn.reloader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseLevelTest {

    @TempDir
    Path sources;

    @TempDir
    Path classes;

    @Test
    void theReleaseIsTheOneTheClassesWereCompiledFor() throws IOException {
        compile("--release", "11");
        assertThat(ReleaseLevel.options(classes, null)).containsExactly("--release", "11");
    }

    @Test
    void classesThatUsePreviewFeaturesAskForThem() throws IOException {
        compile("--release", "17");
        Path file = classes.resolve("a/Foo.class");
        byte[] bytes = Files.readAllBytes(file);
        bytes[4] = (byte) 0xFF; // minor_version 0xFFFF: javac's mark of a class that uses preview features
        bytes[5] = (byte) 0xFF;
        Files.write(file, bytes);
        assertThat(ReleaseLevel.options(classes, null)).containsExactly("--release", "17", "--enable-preview");
    }

    @Test
    void aFolderWithoutClassFilesLeavesJavacItsDefault() {
        assertThat(ReleaseLevel.options(classes, classes.resolve("a/Missing.class"))).isEmpty();
    }

    private void compile(String... options) throws IOException {
        Path source = Classes.write(sources, "a.Foo", "package a; class Foo { }");
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("-d", classes.toString(), source.toString()));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new))).isZero();
        assertThat(Files.exists(classes.resolve("a/Foo.class"))).isTrue();
    }
}
