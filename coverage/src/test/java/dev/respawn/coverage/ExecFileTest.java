package dev.respawn.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecFileTest {

    @TempDir
    Path temp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:15:30Z"), ZoneOffset.UTC);

    private CoverageFiles files() {
        return new CoverageFiles(temp.resolve("coverage"));
    }

    private static ExecutionDataStore hit(long id, String name, int... probes) {
        boolean[] array = new boolean[4];
        for (int probe : probes) {
            array[probe] = true;
        }
        ExecutionDataStore store = new ExecutionDataStore();
        store.put(new ExecutionData(id, name, array));
        return store;
    }

    @Test
    void everyWorkerLifeIsASessionAndTheirProbesMerge() throws Exception {
        ExecFile exec = new ExecFile(files(), clock);
        exec.append(new SessionInfo("respawn-1", 1, 2), hit(7, "a/B", 0));
        exec.append(new SessionInfo("respawn-2", 3, 4), hit(7, "a/B", 2));

        ExecFileLoader loaded = exec.load().data();
        assertThat(loaded.getSessionInfoStore().getInfos()).extracting(SessionInfo::getId)
                .containsExactly("respawn-1", "respawn-2");
        assertThat(loaded.getExecutionDataStore().get(7).getProbes()).containsExactly(true, false, true, false);
        // JaCoCo's own loader reads the same file.
        ExecFileLoader jacoco = new ExecFileLoader();
        jacoco.load(files().exec().toFile());
        assertThat(jacoco.getSessionInfoStore().getInfos()).hasSize(2);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().exec()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files().directory())))
                .isEqualTo("rwx------");
    }

    @Test
    void aFileCutShortByACrashIsSetAsideKeepingTheSessionsBeforeTheDamage() throws Exception {
        ExecFile exec = new ExecFile(files(), clock);
        exec.append(new SessionInfo("respawn-1", 1, 2), hit(7, "a/B", 1));
        long whole = Files.size(files().exec());
        exec.append(new SessionInfo("respawn-2", 3, 4), hit(8, "a/C", 1));
        byte[] bytes = Files.readAllBytes(files().exec());
        Files.write(files().exec(), Arrays.copyOf(bytes, bytes.length - 3));

        ExecFile.Loaded loaded = exec.load();

        String aside = "respawn.exec.corrupt-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(clock.instant().atZone(java.time.ZoneId.systemDefault()));
        assertThat(loaded.setAside()).hasValueSatisfying(line -> assertThat(line)
                .contains("was damaged (it ends in the middle of a record", "set aside as " + aside,
                        "keeping the 2 session(s)"));
        assertThat(files().directory().resolve(aside)).hasSize(bytes.length - 3);
        ExecFileLoader kept = exec.load().data();
        assertThat(kept.getExecutionDataStore().get(7)).isNotNull();
        assertThat(Files.size(files().exec())).isGreaterThanOrEqualTo(whole);
        assertThat(exec.load().setAside()).as("the kept file reads cleanly").isEmpty();
    }

    @Test
    void garbageIsSetAsideAndCoverageStartsAnew() throws Exception {
        Files.createDirectories(files().directory());
        Files.writeString(files().exec(), "not an exec file");
        ExecFile exec = new ExecFile(files(), clock);

        assertThat(exec.load().setAside()).hasValueSatisfying(line -> assertThat(line)
                .contains("Invalid execution data file").doesNotContain("keeping"));
        assertThat(files().exec()).doesNotExist();
        exec.append(new SessionInfo("respawn-3", 1, 2), hit(9, "a/D", 0));
        assertThat(exec.load().data().getSessionInfoStore().getInfos()).hasSize(1);
    }

    @Test
    void recordedClassesAccumulateAcrossWorkers() throws Exception {
        ExecFile exec = new ExecFile(files(), clock);
        ClassPatterns patterns = new ClassPatterns(java.util.Optional.of("com.example.*"), java.util.Optional.empty());
        exec.record(new RecordedClasses(java.util.Set.of(Path.of("/p/target/classes")), List.of(), patterns));
        exec.record(new RecordedClasses(java.util.Set.of(Path.of("/q/target/classes")), List.of(Path.of("/q/src")),
                patterns));

        RecordedClasses recorded = exec.recordedClasses();
        assertThat(recorded.classRoots()).containsExactlyInAnyOrder(Path.of("/p/target/classes"),
                Path.of("/q/target/classes"));
        assertThat(recorded.sourcePath()).containsExactly(Path.of("/q/src"));
        assertThat(recorded.patterns().includes()).contains("com.example.*");
    }

    @Test
    void deleteForgetsEverySession() throws Exception {
        ExecFile exec = new ExecFile(files(), clock);
        exec.append(new SessionInfo("respawn-1", 1, 2), hit(7, "a/B", 0));
        exec.delete();
        assertThat(exec.load().data().getSessionInfoStore().getInfos()).isEmpty();
    }
}
