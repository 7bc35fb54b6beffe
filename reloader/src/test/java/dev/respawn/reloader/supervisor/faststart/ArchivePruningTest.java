package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchivePruningTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheMostRecentlyUsedArchivesWithTheirFiles() throws Exception {
        for (int i = 1; i <= 6; i++) {
            Path archive = Files.write(directory.resolve("key" + i + ".jsa"), new byte[] {1});
            Files.write(directory.resolve("key" + i + ".names"), new byte[] {1});
            Files.setLastModifiedTime(archive, FileTime.fromMillis(i * 1_000_000L));
        }
        ArchivePruning.touch(directory.resolve("key1.jsa"));
        ArchivePruning.prune(directory, 4);
        assertThat(directory.resolve("key1.jsa")).exists();
        assertThat(directory.resolve("key6.names")).exists();
        assertThat(directory.resolve("key2.jsa")).doesNotExist();
        assertThat(directory.resolve("key2.names")).doesNotExist();
        assertThat(directory.resolve("key3.jsa")).doesNotExist();
        assertThat(directory.resolve("key4.jsa")).exists();
    }

    @Test
    void deletesWhatADeadSupervisorLeftHalfWritten() throws Exception {
        Path dead = Files.write(directory.resolve("key.jsa.tmp-2147483646"), new byte[] {1});
        Path alive = Files.write(directory.resolve("key.jsa.tmp-" + ProcessHandle.current().pid()), new byte[] {1});
        ArchivePruning.prune(directory, 4);
        assertThat(dead).doesNotExist();
        assertThat(alive).exists();
    }
}
