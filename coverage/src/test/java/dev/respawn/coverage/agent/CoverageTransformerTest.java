package dev.respawn.coverage.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.respawn.coverage.ClassPatterns;
import org.jacoco.core.data.ExecutionDataStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTransformerTest {

    @TempDir
    Path temp;

    private final List<String> said = new ArrayList<>();

    /** A runtime that cannot instrument anything, as JaCoCo cannot some classes. */
    private static final CoverageRuntime FAILING = new CoverageRuntime() {
        @Override
        public byte[] instrument(String internalName, byte[] original) {
            throw new IllegalStateException("Method too large");
        }

        @Override
        public ExecutionDataStore collect(boolean reset) {
            return new ExecutionDataStore();
        }

        @Override
        public String describe() {
            return "failing";
        }
    };

    @Test
    void aClassJacocoCannotInstrumentLoadsAsItIsAndIsNamedOnce() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("target/classes"));
        ProtectionDomain domain = new ProtectionDomain(new CodeSource(classes.toUri().toURL(), (Certificate[]) null), null);
        CoverageTransformer transformer = new CoverageTransformer(
                new ClassSelection(new ClassPatterns(Optional.empty(), Optional.empty()), null), () -> FAILING, said::add);
        ClassLoader loader = getClass().getClassLoader();

        assertThat(transformer.transform(loader, "com/example/Huge", null, domain, new byte[] {1})).isNull();
        assertThat(transformer.transform(loader, "com/example/Huge", null, domain, new byte[] {1})).isNull();

        assertThat(said).containsExactly("coverage skips com.example.Huge, which JaCoCo cannot instrument"
                + " (Method too large); it runs without coverage");
        assertThat(transformer.roots()).containsExactly(classes);
    }

    @Test
    void aHotSwapsNewClassFileIsInstrumentedUnlessItsProbesWouldStayInAField() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("target/classes"));
        ProtectionDomain domain = new ProtectionDomain(new CodeSource(classes.toUri().toURL(), (Certificate[]) null), null);
        byte[] instrumented = {42};
        CoverageRuntime marking = new CoverageRuntime() {
            @Override
            public byte[] instrument(String internalName, byte[] original) {
                return instrumented;
            }

            @Override
            public ExecutionDataStore collect(boolean reset) {
                return new ExecutionDataStore();
            }

            @Override
            public String describe() {
                return "marking";
            }
        };
        CoverageTransformer transformer = new CoverageTransformer(
                new ClassSelection(new ClassPatterns(Optional.empty(), Optional.empty()), null), () -> marking, said::add);
        ClassLoader loader = getClass().getClassLoader();
        byte[] java17 = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61};
        byte[] java8 = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 52};

        assertThat(transformer.transform(loader, "com/example/Swapped", Object.class, domain, java17))
                .isSameAs(instrumented);
        assertThat(transformer.transform(loader, "com/example/Old", Object.class, domain, java8)).isNull();
        assertThat(said).isEmpty();
    }

    @Test
    void aClassFoldersClassLoadedAgainByTheNextLifeIsInstrumentedOnceAndAJarsEachTime() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("target/classes"));
        Path jar = Files.write(temp.resolve("lib.jar"), new byte[] {0});
        ProtectionDomain folder = new ProtectionDomain(new CodeSource(classes.toUri().toURL(), (Certificate[]) null), null);
        ProtectionDomain library = new ProtectionDomain(new CodeSource(jar.toUri().toURL(), (Certificate[]) null), null);
        List<String> instrumented = new ArrayList<>();
        CoverageRuntime counting = new CoverageRuntime() {
            @Override
            public byte[] instrument(String internalName, byte[] original) {
                instrumented.add(internalName);
                return new byte[] {42, original[0]};
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
        CoverageTransformer transformer = new CoverageTransformer(new ClassSelection(new ClassPatterns(
                Optional.of("com.example.*"), Optional.empty()), null), () -> counting, said::add);
        ClassLoader firstLife = new ClassLoader() { };
        ClassLoader nextLife = new ClassLoader() { };

        assertThat(transformer.transform(firstLife, "com/example/Shop", null, folder, new byte[] {1})).containsExactly(42, 1);
        assertThat(transformer.transform(nextLife, "com/example/Shop", null, folder, new byte[] {1})).containsExactly(42, 1);
        assertThat(transformer.transform(nextLife, "com/example/Shop", null, folder, new byte[] {2})).containsExactly(42, 2);
        transformer.transform(firstLife, "com/example/Lib", null, library, new byte[] {1});
        transformer.transform(nextLife, "com/example/Lib", null, library, new byte[] {1});

        assertThat(instrumented).containsExactly("com/example/Shop", "com/example/Shop", "com/example/Lib", "com/example/Lib");
    }

    @Test
    void jacocoInstrumentsTheSameClassFileToTheSameBytesSoTheNextLifeMayReuseThem() throws Exception {
        byte[] original;
        try (var in = CoverageTransformerTest.class.getResourceAsStream("CoverageTransformerTest.class")) {
            original = in.readAllBytes();
        }
        org.jacoco.core.instr.Instrumenter jacoco = new org.jacoco.core.instr.Instrumenter(
                new org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator());

        assertThat(jacoco.instrument(original.clone(), "first life")).isEqualTo(jacoco.instrument(original.clone(), "next life"));
    }
}
