package dev.respawn.coverage.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jacoco.core.data.ExecutionDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentedClassCacheTest {

    @TempDir
    Path temp;

    /** Every class it is asked for, instrumented as {42, the class file's first byte, its length}. */
    private final List<String> instrumented = new ArrayList<>();
    private final CoverageRuntime counting = new CoverageRuntime() {
        @Override
        public byte[] instrument(String internalName, byte[] original) {
            instrumented.add(internalName);
            if (internalName.endsWith("Huge")) {
                throw new IllegalStateException("Method too large");
            }
            return new byte[] {42, original[0], (byte) original.length};
        }

        @Override
        public ExecutionDataStore collect(boolean reset) {
            return new ExecutionDataStore();
        }

        @Override
        public String describe() {
            return "counting";
        }
    };

    private InstrumentedClassCache start(String build) {
        return new InstrumentedClassCache(counting, temp.resolve("coverage-classes"), build);
    }

    @Test
    void theNextStartReadsWhatTheFirstInstrumentedAndAChangedClassFileIsInstrumentedAnew() throws Exception {
        assertThat(start("jar-1").instrument("com/example/Shop", new byte[] {1, 2})).containsExactly(42, 1, 2);

        InstrumentedClassCache next = start("jar-1");
        assertThat(next.instrument("com/example/Shop", new byte[] {1, 2})).containsExactly(42, 1, 2);
        assertThat(next.instrument("com/example/Shop", new byte[] {3, 2, 1})).containsExactly(42, 3, 3);

        assertThat(instrumented).containsExactly("com/example/Shop", "com/example/Shop");
    }

    @Test
    void anEntryOfTheSameNameButAnotherClassFileIsNotUsed() throws Exception {
        byte[] original = {1, 2};
        start("jar-1").instrument("com/example/Shop", original);
        Path entry = temp.resolve("coverage-classes/jar-1").resolve(InstrumentedClassCache.name(original));
        byte[] content = Files.readAllBytes(entry);
        content[9] = 7;
        Files.write(entry, content);

        assertThat(start("jar-1").instrument("com/example/Shop", original)).containsExactly(42, 1, 2);
        Files.write(entry, new byte[] {1, 2, 3});
        assertThat(start("jar-1").instrument("com/example/Shop", original)).containsExactly(42, 1, 2);

        assertThat(instrumented).hasSize(3);
    }

    @Test
    void anotherBuildOfRespawnInstrumentsAnewAndDeletesTheOlderBuildsResults() throws Exception {
        start("jar-1").instrument("com/example/Shop", new byte[] {1, 2});

        start("jar-2").instrument("com/example/Shop", new byte[] {1, 2});

        assertThat(instrumented).hasSize(2);
        try (Stream<Path> builds = Files.list(temp.resolve("coverage-classes"))) {
            assertThat(builds).extracting(p -> p.getFileName().toString()).containsExactly("jar-2");
        }
    }

    @Test
    void theBuildIsNamedByRespawnJarsSizeAndTimeSoARebuiltJarStartsAnew() throws Exception {
        Path jar = Files.write(temp.resolve("respawn.jar"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        String first = InstrumentedClassCache.build(jar);

        Files.write(jar, new byte[] {1, 2, 4});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));

        assertThat(first).startsWith("jar-");
        assertThat(InstrumentedClassCache.build(jar)).isNotEqualTo(first);
        assertThat(InstrumentedClassCache.build(null)).isNull();
        assertThat(InstrumentedClassCache.build(temp)).as("classes, not a jar").isNull();
    }

    @Test
    void theFolderAndItsEntriesAreTheOwnersOnly() throws Exception {
        start("jar-1").instrument("com/example/Shop", new byte[] {1, 2});

        Path folder = temp.resolve("coverage-classes/jar-1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries).singleElement().satisfies(entry ->
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry))).isEqualTo("rw-------"));
        }
    }

    @Test
    void aClassJacocoCannotInstrumentIsNotKept() throws Exception {
        assertThatThrownBy(() -> start("jar-1").instrument("com/example/Huge", new byte[] {1}))
                .hasMessage("Method too large");
        assertThatThrownBy(() -> start("jar-1").instrument("com/example/Huge", new byte[] {1}))
                .hasMessage("Method too large");

        assertThat(instrumented).hasSize(2);
    }

    @Test
    void aFolderThatCannotBeMadeLeavesEveryClassInstrumented() throws Exception {
        Files.write(temp.resolve("coverage-classes"), new byte[0]);

        assertThat(start("jar-1").instrument("com/example/Shop", new byte[] {1, 2})).containsExactly(42, 1, 2);
        assertThat(start("jar-1").instrument("com/example/Shop", new byte[] {1, 2})).containsExactly(42, 1, 2);

        assertThat(instrumented).hasSize(2);
    }

    @Test
    void aFullFolderIsEmptiedBeforeTheNextEntry() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("coverage-classes/jar-1"));
        for (int i = 0; i < 10; i++) {
            Files.createFile(folder.resolve("old-" + i));
        }

        new InstrumentedClassCache(counting, temp.resolve("coverage-classes"), "jar-1", 10).instrument("com/example/Shop", new byte[] {1, 2});

        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries).hasSize(1);
        }
    }
}
