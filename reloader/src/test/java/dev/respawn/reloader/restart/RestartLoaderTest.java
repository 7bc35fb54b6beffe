package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartLoaderTest {

    @TempDir
    Path folder;

    @Test
    void definesFolderClassesItselfEvenWhenItsParentSeesTheFolderToo() throws Exception {
        Path classes = copyOwnClass(RestartLoaderTest.Sample.class);
        try (URLClassLoader parent = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
                RestartLoader first = new RestartLoader(1, List.of(classes.toRealPath()), parent);
                RestartLoader second = new RestartLoader(2, List.of(classes.toRealPath()), parent)) {
            Class<?> one = first.loadClass(Sample.class.getName());
            Class<?> two = second.loadClass(Sample.class.getName());
            assertThat(one.getClassLoader()).isSameAs(first);
            assertThat(two).isNotSameAs(one);
            assertThat(first.loadClass("java.lang.String")).isSameAs(String.class);
            assertThat(first.getName()).isEqualTo("respawn-life-1");
        }
    }

    @Test
    void answersAFolderResourceOnceThoughItsParentFindsItToo() throws Exception {
        Files.writeString(folder.resolve("app.properties"), "a=1");
        try (URLClassLoader parent = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null);
                RestartLoader loader = new RestartLoader(1, List.of(folder.toRealPath()), parent)) {
            List<URL> found = Collections.list(loader.getResources("app.properties"));
            assertThat(found).hasSize(1);
            assertThat(loader.getResource("app.properties")).isEqualTo(found.get(0));
        }
    }

    private Path copyOwnClass(Class<?> type) throws IOException {
        String file = type.getName().replace('.', '/') + ".class";
        Path target = folder.resolve(file);
        Files.createDirectories(target.getParent());
        try (var in = type.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, target);
        }
        return folder;
    }

    /** Loaded by the loaders under test. */
    public static final class Sample {
    }
}
