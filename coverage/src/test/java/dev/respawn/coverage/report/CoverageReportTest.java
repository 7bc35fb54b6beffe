package dev.respawn.coverage.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.respawn.coverage.ClassPatterns;
import dev.respawn.coverage.CoverageFiles;
import dev.respawn.coverage.ExecFile;
import dev.respawn.coverage.RecordedClasses;
import org.jacoco.core.data.ExecutionData;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReportTest {

    private static final String TARGET = ReportTarget.class.getName();
    private static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();
    private static final Path TEST_SOURCES = Path.of("src/test/java").toAbsolutePath();

    @TempDir
    Path temp;

    private final List<String> said = new ArrayList<>();

    private CoverageFiles files() {
        return new CoverageFiles(temp.resolve("coverage"));
    }

    private ExecFile exec() {
        return new ExecFile(files(), Clock.systemUTC());
    }

    /** Runs ReportTarget instrumented, as a worker would, and appends its session. */
    private void runTargetInstrumented() throws Exception {
        LoggerRuntime runtime = new LoggerRuntime();
        RuntimeData data = new RuntimeData();
        runtime.startup(data);
        byte[] original = Files.readAllBytes(TEST_CLASSES.resolve(TARGET.replace('.', '/') + ".class"));
        byte[] instrumented = new Instrumenter(runtime).instrument(original, TARGET);
        Class<?> target = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.equals(TARGET)) {
                    return defineClass(name, instrumented, 0, instrumented.length);
                }
                throw new ClassNotFoundException(name);
            }
        }.loadClass(TARGET);
        ((Runnable) target.getDeclaredConstructor().newInstance()).run();
        ExecutionDataStore store = new ExecutionDataStore();
        data.collect(store, new SessionInfoStore(), false);
        runtime.shutdown();
        exec().append(new SessionInfo("respawn-1", 1, 2), store);
        recordTestClasses();
    }

    private void recordTestClasses() throws IOException {
        exec().record(new RecordedClasses(Set.of(TEST_CLASSES), List.of(),
                new ClassPatterns(Optional.of(TARGET), Optional.empty())));
    }

    private ReportSummary report() throws IOException {
        return new CoverageReport(files(), exec(), List.of(TEST_SOURCES), said::add).write();
    }

    @Test
    void writesHtmlWithHighlightedSourceXmlAndCsv() throws Exception {
        runTargetInstrumented();

        ReportSummary summary = report();

        assertThat(summary.sessions()).isEqualTo(1);
        assertThat(summary.coveredLines()).isPositive().isLessThan(summary.totalLines());
        assertThat(summary.changed()).isEmpty();
        assertThat(summary.describe()).startsWith("coverage report: " + files().htmlIndex() + " (");
        Path source = files().html().resolve("dev.respawn.coverage.report/ReportTarget.java.html");
        assertThat(source).content().contains("class=\"fc\"", "class=\"nc\"", "return -1;");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        assertThat(factory.newDocumentBuilder().parse(files().xml().toFile()).getDocumentElement().getTagName())
                .isEqualTo("report");
        assertThat(files().csv()).content().contains("ReportTarget").doesNotContain("CoverageReportTest");
        assertThat(said).isEmpty();
    }

    @Test
    void namesTheClassesWhoseDataIsOfAnEarlierVersion() throws Exception {
        ExecutionDataStore stale = new ExecutionDataStore();
        stale.put(new ExecutionData(12345L, TARGET.replace('.', '/'), new boolean[] {true, true}));
        exec().append(new SessionInfo("respawn-1", 1, 2), stale);
        recordTestClasses();

        ReportSummary summary = report();

        assertThat(summary.changed()).containsExactly(TARGET);
        assertThat(summary.describe()).contains("1 class has changed since its coverage was recorded and shows none: "
                + TARGET);
    }

    @Test
    void saysWhenNothingWasRecordedYet() {
        assertThatThrownBy(this::report).isInstanceOf(IOException.class)
                .hasMessageContaining("no coverage recorded in").hasMessageContaining("--enable-coverage");
    }
}
