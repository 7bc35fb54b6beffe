package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarsFirstTest {

    @TempDir
    Path directory;

    private Optional<String> shadowing(JarsFirst.Layout layout) {
        return JarsFirst.shadowing(layout, JarIndex.of(layout.jars()));
    }

    @Test
    void movesTheJarsAheadOfTheClassFolderKeepingTheirOrder() throws IOException {
        file("classes/com/example/Main.class");
        Path b = jar("lib/b.jar", "org/b/B.class");
        Path a = jar("lib/a.jar", "org/a/A.class");
        JarsFirst.Layout layout = JarsFirst.layout(path("classes", "lib/b.jar", "missing", "lib/a.jar"), directory);
        assertThat(layout.jars()).containsExactly(b, a);
        assertThat(layout.classPath()).isEqualTo(path(b.toString(), a.toString(), "classes", "missing"));
        assertThat(shadowing(layout)).isEmpty();
    }

    @Test
    void expandsAWildcardAsTheLauncherDoes() throws IOException {
        file("classes/com/example/Main.class");
        jar("lib/a.jar", "org/a/A.class");
        jar("lib/b.JAR", "org/b/B.class");
        file("lib/notes.txt");
        JarsFirst.Layout layout = JarsFirst.layout(path("classes", "lib" + File.separator + "*"), directory);
        List<Path> listed = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(directory.resolve("lib"))) {
            listing.forEach(file -> {
                if (!file.toString().endsWith(".txt")) {
                    listed.add(file);
                }
            });
        }
        assertThat(layout.jars()).containsExactlyElementsOf(listed);
        assertThat(layout.classPath()).endsWith(File.pathSeparator + "classes");
    }

    @Test
    void aClassFolderThatShadowsAJarAfterItKeepsTheOrder() throws IOException {
        file("classes/org/a/A.class");
        jar("lib/a.jar", "org/a/A.class", "org/a/Other.class");
        assertThat(shadowing(JarsFirst.layout(path("classes", "lib/a.jar"), directory)))
                .hasValueSatisfying(why -> assertThat(why).contains("a.jar both hold org/a/A.class"));
    }

    @Test
    void findsAShadowedFileDeepInAPackageTheApplicationSharesWithAJar() throws IOException {
        for (int i = 0; i < 20; i++) {
            file("classes/org/example/app/C" + i + ".class");
        }
        file("classes/org/lib/deep/er/Patched.class");
        jar("lib/a.jar", "org/lib/Lib.class", "org/lib/deep/er/Patched.class");
        assertThat(shadowing(JarsFirst.layout(path("classes", "lib/a.jar"), directory)))
                .hasValueSatisfying(why -> assertThat(why).contains("a.jar both hold org/lib/deep/er/Patched.class"));
    }

    @Test
    void aSharedResourceCountsAsMuchAsAClass() throws IOException {
        file("classes/logback.xml");
        jar("lib/a.jar", "logback.xml");
        assertThat(shadowing(JarsFirst.layout(path("classes", "lib/a.jar"), directory))).isPresent();
    }

    @Test
    void aFolderAfterTheJarsItHasNamesInCommonWithShadowsNothingNew() throws IOException {
        Path a = jar("lib/a.jar", "org/a/A.class");
        file("classes/org/a/A.class");
        Path b = jar("lib/b.jar", "org/b/B.class");
        JarsFirst.Layout layout = JarsFirst.layout(path("lib/a.jar", "classes", "lib/b.jar"), directory);
        assertThat(layout.folders()).containsExactly(new JarsFirst.Folder(directory.resolve("classes"), 1));
        assertThat(shadowing(layout)).isEmpty();
        assertThat(layout.classPath()).isEqualTo(path(a.toString(), b.toString(), "classes"));
    }

    @Test
    void withoutJarsThereIsNothingToMove() throws IOException {
        file("classes/com/example/Main.class");
        assertThat(JarsFirst.layout("classes", directory).jars()).isEmpty();
    }

    private static String path(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    private Path file(String relative) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[] {1});
    }

    private Path jar(String relative, String... names) throws IOException {
        Path jar = directory.resolve(relative);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
