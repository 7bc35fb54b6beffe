package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JavaCommandLineTest {

    @Test
    void findsTheClassPathAmongTheLaunchersOptions() {
        JavaCommandLine line = JavaCommandLine.parse(List.of("java", "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "-cp", "a.jar:classes", "com.example.Main", "-cp", "not-ours"));
        assertThat(line.classPath()).contains("a.jar:classes");
        assertThat(line.options()).containsExactly("-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp",
                "a.jar:classes");
        assertThat(line.classPathUnsupported()).isEmpty();
    }

    @Test
    void theLastClassPathWinsAsInTheLauncher() {
        assertThat(JavaCommandLine.parse(List.of("java", "-cp", "one", "-classpath", "two", "Main")).classPath())
                .contains("two");
        assertThat(JavaCommandLine.parse(List.of("java", "--class-path=three", "Main")).classPath()).contains("three");
    }

    @Test
    void rewritesOnlyTheClassPathAndAddsOptionsAfterTheExecutable() {
        JavaCommandLine line = JavaCommandLine.parse(List.of("/jdk/bin/java", "-Dx=1", "-cp", "classes:a.jar", "Main",
                "-cp", "app-argument"));
        assertThat(line.rewritten(List.of("-XX:TieredStopAtLevel=1"), Optional.of("a.jar:classes")))
                .containsExactly("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-Dx=1", "-cp", "a.jar:classes", "Main",
                        "-cp", "app-argument");
        assertThat(JavaCommandLine.parse(List.of("java", "--class-path=x", "Main"))
                .rewritten(List.of(), Optional.of("y"))).containsExactly("java", "--class-path=y", "Main");
    }

    @Test
    void saysWhyAClassPathCannotBeRearranged() {
        assertThat(reason("java", "-jar", "app.jar")).contains("the command runs -jar");
        assertThat(reason("java", "-p", "mods", "-m", "app/com.example.Main")).contains("the command uses the module path");
        assertThat(reason("java", "@options.txt", "Main")).contains("the command reads options from @options.txt");
        assertThat(reason("java", "Hello.java")).contains("the command runs a source file");
        assertThat(reason("java", "Main")).contains("the command has no -cp");
        assertThat(reason("java", "-cp")).contains("the command has no -cp");
    }

    @Test
    void namesItsArgumentFiles() {
        assertThat(JavaCommandLine.parse(List.of("java", "@a", "-cp", "x", "@b", "Main", "@c")).argumentFiles())
                .containsExactly("a", "b");
    }

    @Test
    void knowsJavaByItsFileName() {
        assertThat(JavaCommandLine.isJava("/usr/lib/jvm/temurin-25/bin/java")).isTrue();
        assertThat(JavaCommandLine.isJava("java.exe")).isTrue();
        assertThat(JavaCommandLine.isJava("./gradlew")).isFalse();
        assertThat(JavaCommandLine.isJava("javac")).isFalse();
    }

    private static Optional<String> reason(String... command) {
        return JavaCommandLine.parse(List.of(command)).classPathUnsupported();
    }
}
