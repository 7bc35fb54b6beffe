package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveKeyTest {

    @TempDir
    Path directory;

    private final WorkerJvm jdk17 = new WorkerJvm(Path.of("/jdk17"), "JAVA_VERSION=\"17.0.15\"", 17, true);

    @Test
    void theSameJvmAndJarsGiveTheSameKey() throws Exception {
        Path jar = Files.write(directory.resolve("a.jar"), new byte[] {1});
        assertThat(ArchiveKey.of(jdk17, List.of(jar), List.of())).isEqualTo(ArchiveKey.of(jdk17, List.of(jar), List.of()));
        assertThat(ArchiveKey.of(jdk17, List.of(jar), List.of()).value()).matches("[0-9a-f]{20}");
    }

    @Test
    void aChangedJarGivesANewKey() throws Exception {
        Path jar = Files.write(directory.resolve("a.jar"), new byte[] {1});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        ArchiveKey before = ArchiveKey.of(jdk17, List.of(jar), List.of());
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        ArchiveKey touched = ArchiveKey.of(jdk17, List.of(jar), List.of());
        Files.write(jar, new byte[] {1, 2});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
        ArchiveKey grown = ArchiveKey.of(jdk17, List.of(jar), List.of());
        assertThat(List.of(before, touched, grown)).doesNotHaveDuplicates();
    }

    @Test
    void anotherJarOrderJvmOrHeapGivesANewKey() throws Exception {
        Path a = Files.write(directory.resolve("a.jar"), new byte[] {1});
        Path b = Files.write(directory.resolve("b.jar"), new byte[] {2});
        WorkerJvm jdk25 = new WorkerJvm(Path.of("/jdk25"), "JAVA_VERSION=\"25.0.3\"", 25, true);
        assertThat(List.of(ArchiveKey.of(jdk17, List.of(a, b), List.of()), ArchiveKey.of(jdk17, List.of(b, a), List.of()),
                ArchiveKey.of(jdk25, List.of(a, b), List.of()), ArchiveKey.of(jdk17, List.of(a, b), List.of("-Xmx40g"))))
                .doesNotHaveDuplicates();
    }
}
