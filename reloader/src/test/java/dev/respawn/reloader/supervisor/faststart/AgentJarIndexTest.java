package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarIndexTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheIndexBesideTheArchivesAndReadsItBackUntilTheJarChanges() throws IOException {
        Path jar = jar("org/a/A.class");
        Path cds = directory.resolve("cds");
        assertThat(AgentJarIndex.of(jar, cds).lastJarHolding("org/a/A.class")).isZero();
        Path kept = onlyKept(cds);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

        // Kept: what the file says is what is read, not the jar (an index saying nothing proves it).
        byte[] empty = new java.io.ByteArrayOutputStream() {
            {
                JarIndex.of(List.of()).save(this);
            }
        }.toByteArray();
        Files.write(kept, empty);
        assertThat(AgentJarIndex.of(jar, cds).lastJarHolding("org/a/A.class")).isEqualTo(-1);

        // A changed jar is read again, and its index replaces the old one.
        jar("org/b/B.class");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        JarIndex changed = AgentJarIndex.of(jar, cds);
        assertThat(changed.lastJarHolding("org/b/B.class")).isZero();
        assertThat(onlyKept(cds)).isNotEqualTo(kept);
    }

    @Test
    void aDamagedFileIsMadeAgain() throws IOException {
        Path jar = jar("org/a/A.class");
        Path cds = directory.resolve("cds");
        AgentJarIndex.of(jar, cds);
        Files.writeString(onlyKept(cds), "not an index");
        assertThat(AgentJarIndex.of(jar, cds).lastJarHolding("org/a/A.class")).isZero();
    }

    private static Path onlyKept(Path cds) throws IOException {
        try (Stream<Path> files = Files.list(cds)) {
            List<Path> kept = files.filter(f -> f.getFileName().toString().startsWith("respawn-jar-")).toList();
            assertThat(kept).hasSize(1);
            return kept.get(0);
        }
    }

    private Path jar(String entry) throws IOException {
        Path jar = directory.resolve("respawn.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.closeEntry();
        }
        return jar;
    }
}
