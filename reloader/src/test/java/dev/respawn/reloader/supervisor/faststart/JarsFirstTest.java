package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarsFirstTest {

    @TempDir
    Path directory;

    private final JarsFirst jarsFirst = new JarsFirst(new JarNames());

    @Test
    void movesTheJarsAheadOfTheClassFolderKeepingTheirOrder() throws IOException {
        file("classes/com/example/Main.class");
        Path b = jar("lib/b.jar", "org/b/B.class");
        Path a = jar("lib/a.jar", "org/a/A.class");
        JarsFirst.Arrangement arrangement = jarsFirst.arrange(path("classes", "lib/b.jar", "missing", "lib/a.jar"), directory);
        assertThat(arrangement).isEqualTo(new JarsFirst.Moved(List.of(b, a), path(b.toString(), a.toString(), "classes",
                "missing")));
    }

    @Test
    void expandsAWildcardAsTheLauncherDoes() throws IOException {
        file("classes/com/example/Main.class");
        jar("lib/a.jar", "org/a/A.class");
        jar("lib/b.JAR", "org/b/B.class");
        file("lib/notes.txt");
        JarsFirst.Moved moved = (JarsFirst.Moved) jarsFirst.arrange(path("classes", "lib" + File.separator + "*"), directory);
        List<Path> listed = new ArrayList<>();
        try (var listing = Files.newDirectoryStream(directory.resolve("lib"))) {
            listing.forEach(file -> {
                if (!file.toString().endsWith(".txt")) {
                    listed.add(file);
                }
            });
        }
        assertThat(moved.jars()).containsExactlyElementsOf(listed);
        assertThat(moved.classPath()).endsWith(File.pathSeparator + "classes");
    }

    @Test
    void keepsTheOrderWhenAClassFolderShadowsAJarAfterIt() throws IOException {
        file("classes/org/a/A.class");
        jar("lib/a.jar", "org/a/A.class", "org/a/Other.class");
        JarsFirst.Arrangement arrangement = jarsFirst.arrange(path("classes", "lib/a.jar"), directory);
        assertThat(arrangement).isInstanceOf(JarsFirst.Kept.class);
        assertThat(((JarsFirst.Kept) arrangement).why()).contains("a.jar both hold org/a/A.class");
    }

    @Test
    void aSharedResourceCountsAsMuchAsAClass() throws IOException {
        file("classes/logback.xml");
        jar("lib/a.jar", "logback.xml");
        assertThat(jarsFirst.arrange(path("classes", "lib/a.jar"), directory)).isInstanceOf(JarsFirst.Kept.class);
    }

    @Test
    void aFolderAfterTheJarsShadowsNothingNew() throws IOException {
        Path a = jar("lib/a.jar", "org/a/A.class");
        file("classes/org/a/A.class");
        assertThat(jarsFirst.arrange(path("lib/a.jar", "classes"), directory))
                .isEqualTo(new JarsFirst.Moved(List.of(a), path(a.toString(), "classes")));
    }

    @Test
    void withoutJarsThereIsNothingToArchive() throws IOException {
        file("classes/com/example/Main.class");
        assertThat(jarsFirst.arrange("classes", directory)).isEqualTo(new JarsFirst.Kept("no jar on the class path"));
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
