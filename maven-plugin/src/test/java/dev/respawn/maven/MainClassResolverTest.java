package dev.respawn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainClassResolverTest {

    @TempDir
    Path sources;

    @TempDir
    Path classes;

    @Test
    void theParameterComesFirstThenExecMainClassThenStartClass() throws MojoFailureException {
        Properties properties = new Properties();
        properties.setProperty("start-class", "com.example.Start");
        assertThat(MainClassResolver.resolve(null, properties, classes)).isEqualTo("com.example.Start");
        properties.setProperty("exec.mainClass", "com.example.Exec");
        assertThat(MainClassResolver.resolve(" ", properties, classes)).isEqualTo("com.example.Exec");
        assertThat(MainClassResolver.resolve("com.example.Given", properties, classes)).isEqualTo("com.example.Given");
    }

    @Test
    void findsTheOnlyPublicStaticVoidMain() throws Exception {
        Classes.compile(classes,
                Classes.write(sources, "a.App", "package a; public class App {"
                        + " public static void main(String[] args) { } static class Nested { } }"),
                Classes.write(sources, "a.NotMain", "package a; public class NotMain {"
                        + " public void main(String[] args) { } static void main(int x) { } }"),
                Classes.write(sources, "b.Private", "package b; class Private {"
                        + " private static void main(String[] args) { } }"));
        assertThat(MainClassResolver.resolve(null, new Properties(), classes)).isEqualTo("a.App");
    }

    @Test
    void noMainClassIsAnErrorThatSaysHowToNameOne() {
        assertThatThrownBy(() -> MainClassResolver.resolve(null, new Properties(), classes))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("respawn: no class with public static void main(String[]) in " + classes)
                .hasMessageContaining("-Drespawn.mainClass=");
    }

    @Test
    void twoMainClassesIsAnErrorThatListsThem() throws IOException {
        Classes.compile(classes,
                Classes.write(sources, "a.One", "package a; public class One { public static void main(String[] a) { } }"),
                Classes.write(sources, "a.b.Two", "package a.b; public class Two {"
                        + " public static void main(String... a) { } }"));
        assertThatThrownBy(() -> MainClassResolver.resolve(null, new Properties(), classes))
                .hasMessage("respawn: 2 classes have a main method (a.One, a.b.Two); choose one with <mainClass>"
                        + " or -Drespawn.mainClass=...");
    }
}
