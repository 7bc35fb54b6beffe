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
}
