package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerJvmTest {

    @TempDir
    Path directory;

    private Path jdk(String name, String release) throws Exception {
        Path home = directory.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        if (release != null) {
            Files.writeString(home.resolve("release"), release);
        }
        return java;
    }

    @Test
    void readsVersionAndVirtualMachineFromTheReleaseFile() throws Exception {
        Path java = jdk("temurin-25", "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\nJVM_VARIANT=\"Hotspot\"\n");
        WorkerJvm jvm = WorkerJvm.of(java.toString(), directory, null).orElseThrow();
        assertThat(jvm.home()).isEqualTo(java.getParent().getParent().toRealPath());
        assertThat(jvm.feature()).isEqualTo(25);
        assertThat(jvm.hotSpot()).isTrue();
        assertThat(jvm.java()).isEqualTo(jvm.home().resolve("bin/java"));
    }

    @Test
    void tellsOtherVirtualMachinesAndOldVersions() throws Exception {
        WorkerJvm openJ9 = WorkerJvm.of(jdk("semeru", "JAVA_VERSION=\"21.0.1\"\nJVM_VARIANT=\"Openj9\"\n").toString(),
                directory, null).orElseThrow();
        assertThat(openJ9.hotSpot()).isFalse();
        WorkerJvm eight = WorkerJvm.of(jdk("jdk8", "JAVA_VERSION=\"1.8.0_402\"\n").toString(), directory, null).orElseThrow();
        assertThat(eight.feature()).isEqualTo(8);
    }

    @Test
    void findsABareJavaOnThePathAndNothingWithoutARelease() throws Exception {
        Path java = jdk("debian-17", "JAVA_VERSION=\"17.0.15\"\n");
        String path = "/nowhere" + File.pathSeparator + java.getParent();
        assertThat(WorkerJvm.of("java", directory, path)).map(WorkerJvm::feature).contains(17);
        Path bare = jdk("no-release", null);
        assertThat(WorkerJvm.of(bare.toString(), directory, null)).isEmpty();
        assertThat(WorkerJvm.of("java", directory, "/nowhere")).isEmpty();
    }

    @Test
    void theJdkRunningTheTestsIsFound() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertThat(WorkerJvm.of(java.toString(), directory, null)).map(WorkerJvm::feature)
                .contains(Runtime.version().feature());
    }
}
