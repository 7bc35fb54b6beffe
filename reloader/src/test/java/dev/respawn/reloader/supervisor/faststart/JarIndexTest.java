package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarIndexTest {

    @TempDir
    Path directory;

    @Test
    void saysTheLastJarThatHoldsAName() throws IOException {
        Path a = jar("a.jar", "org/a/A.class", "META-INF/MANIFEST.MF");
        Path b = jar("b.jar", "org/b/B.class", "META-INF/MANIFEST.MF");
        Path broken = Files.writeString(directory.resolve("broken.jar"), "not a zip");
        JarIndex index = JarIndex.of(List.of(a, broken, b));
        assertThat(index.lastJarHolding("org/a/A.class")).isZero();
        assertThat(index.lastJarHolding("org/b/B.class")).isEqualTo(2);
        assertThat(index.lastJarHolding("META-INF/MANIFEST.MF")).isEqualTo(2);
        assertThat(index.lastJarHolding("org/a/")).as("directories are not files").isEqualTo(-1);
        assertThat(index.lastJarHolding("org/c/C.class")).isEqualTo(-1);
        assertThat(index.holdsUnder("org/")).isTrue();
        assertThat(index.holdsUnder("org/b/")).isTrue();
        assertThat(index.holdsUnder("META-INF/")).isTrue();
        assertThat(index.holdsUnder("com/")).isFalse();
        assertThat(index.holdsUnder("org/c/")).isFalse();
    }

    @Test
    void readsBackWhatItSaved() throws IOException {
        JarIndex index = JarIndex.of(List.of(jar("a.jar", "x.txt", "y.txt")));
        Path file = directory.resolve("a.names");
        try (OutputStream out = Files.newOutputStream(file)) {
            index.save(out);
        }
        JarIndex loaded = JarIndex.load(file);
        assertThat(loaded.size()).isEqualTo(2);
        assertThat(loaded.lastJarHolding("y.txt")).isZero();
        assertThat(loaded.holdsUnder("org/a/")).isFalse();
        assertThatThrownBy(() -> JarIndex.load(Files.writeString(directory.resolve("other"), "garbage")))
                .isInstanceOf(IOException.class);
    }

    private Path jar(String name, String... entries) throws IOException {
        Path jar = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/a/"));
            zip.closeEntry();
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(1);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
