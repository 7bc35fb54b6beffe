package dev.respawn.reloader.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.options.Options;

class CompileOnSaveTest {

    @TempDir
    Path project;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CompileOnSave start() {
        Options options = Options.fromAgentString("compile-on-save,debug-directory=" + project.resolve(".respawn"));
        return CompileOnSave.start(options, new PrintStream(err, true, StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void compilesAgainstTheClassPathOfTheWorkerThatHadTheFolderAtTheReleaseOfItsClasses() throws IOException {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        Path sources = Files.createDirectories(project.resolve("src/main/java"));
        Path jar = project.resolve("lib/a.jar");
        Path source = Classes.write(sources, "a.Foo", "package a; class Foo { }");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "--release", "11", "-d", classes.toString(), source.toString())).isZero();
        try (CompileOnSave compiling = start()) {
            compiling.classPath(List.of(Path.of("/gradle/wrapper.jar")));
            compiling.classPath(List.of(classes, jar));
            compiling.root(classes, true);

            assertThat(compiling.javacOptions(classes)).containsSubsequence("-classpath",
                    classes + File.pathSeparator + jar).containsSubsequence("--release", "11");
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("respawn: compiling saved sources of " + sources + " into " + classes);

            List<String> told = ToldOptions.parse("--release 17 \"-Xlint:all\"  -Amode=\"a b\"");
            assertThat(told).containsExactly("--release", "17", "-Xlint:all", "-Amode=a b");
            assertThat(compiling.javacOptions(classes, told)).as("a release told in JDK_JAVAC_OPTIONS wins")
                    .containsSubsequence("--release", "17").doesNotContainSubsequence("--release", "11")
                    .endsWith("--release", "17", "-Xlint:all", "-Amode=a b");
        }
    }

    @Test
    void aClassPathThatDeclaresAnnotationProcessorsHasThemRun() throws IOException {
        Path classes = Files.createDirectories(project.resolve("target/classes"));
        Path processors = Files.createDirectories(project.resolve("processors/META-INF/services"));
        try (CompileOnSave compiling = start()) {
            compiling.classPath(List.of(classes, processors.getParent().getParent()));
            assertThat(compiling.javacOptions(classes)).contains("-proc:none");
            Files.writeString(processors.resolve("javax.annotation.processing.Processor"), "a.Processor\n");
            compiling.classPath(List.of(classes, processors.getParent().getParent(), project.resolve("other.jar")));
            assertThat(compiling.javacOptions(classes)).doesNotContain("-proc:none");
        }
    }

    @Test
    void aFolderOnNoReportedClassPathCompilesAgainstEverythingWorkersLoadedFrom() throws IOException {
        Path classes = Files.createDirectories(project.resolve("out"));
        Path jar = project.resolve("lib/a.jar");
        try (CompileOnSave compiling = start()) {
            compiling.root(jar, false);
            compiling.root(classes, true);
            assertThat(compiling.javacOptions(classes)).containsSubsequence("-classpath",
                    classes + File.pathSeparator + jar);
            assertThat(compiling.javacOptions(classes)).doesNotContain("--release").contains("-proc:none");
        }
    }
}
