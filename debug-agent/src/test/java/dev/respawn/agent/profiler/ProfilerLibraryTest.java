package dev.respawn.agent.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import one.profiler.AsyncProfilerLoader;

class ProfilerLibraryTest {

    @TempDir
    Path natives;

    @Test
    void extractsOncePerVersionIntoAnOwnerOnlyFolderAndLoadsTheCopyAfterwards() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && AsyncProfilerLoader.isSupported());

        assertThat(ProfilerLibrary.load(natives).getVersion()).isNotBlank();

        Path folder = natives.resolve(ProfilerLibrary.folderName());
        assertThat(ProfilerLibrary.folderName()).startsWith(AsyncProfilerLoader.getVersion() + "-linux-");
        Path library = folder.resolve("lib/libasyncProfiler.so");
        assertThat(library).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library))).startsWith("rw").endsWith("------");

        FileTime extracted = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, extracted);
        assertThat(ProfilerLibrary.load(natives).getVersion()).isNotBlank();
        assertThat(Files.getLastModifiedTime(library)).as("not extracted again").isEqualTo(extracted);
    }
}
