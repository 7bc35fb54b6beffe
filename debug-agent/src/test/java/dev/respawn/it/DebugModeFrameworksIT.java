package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.ISourceFileCoverage;
import org.jacoco.core.tools.ExecFileLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example of the corpus in examples/ under {@code --debug-mode} (exception capture, debugger,
 * profiler, coverage and recorder at once), one worker JVM per framework: a method-body change of
 * its greeting is hot-swapped into the same worker with every add-on's transformation, a new field
 * is served by a restart inside the same JVM, and the swapped-in code is counted by coverage
 * (JaCoCo's own reader on the exec file written at stop). {@link FrameworksIT} does the same steps
 * in plain mode.
 */
class DebugModeFrameworksIT {

    /** Debug-mode starts take several times a plain one's on a 2-core machine busy with builds. */
    private static final Duration SERVED = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    /** FrameworksIT's examples and Spring Boot 4's (both filtered by {@code -Drespawn.it.frameworks=a,b}). */
    static Stream<FrameworksIT.Example> examples() {
        Set<String> only = Set.of(System.getProperty("respawn.it.frameworks", "").split(","));
        Stream<FrameworksIT.Example> more = Stream.of(FrameworksIT.Example.of("spring-boot4",
                "dev.respawn.examples.notes.NotesApp", "dev/respawn/examples/notes", "Hello from Spring Boot 4"));
        return Stream.concat(FrameworksIT.examples(),
                more.filter(e -> only.equals(Set.of("")) || only.contains(e.name())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hotSwapsABodyAndRestartsInsideTheJvmOnANewFieldWithEveryAddOn(FrameworksIT.Example example) throws Exception {
        Optional<String> java25 = TestEnvironment.java25();
        if (example.java25()) {
            Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 here");
        }
        ExampleWorkspace app = ExampleWorkspace.copyOf(example.name(), temp);
        String java = TestEnvironment.java();
        if (example.java25()) {
            java = java25.orElseThrow();
            app = app.compiledBy(Path.of(java).getParent().getParent(), 21);
        }
        int port = TestEnvironment.freePort();
        Path swapped = temp.resolve("swapped-classes");
        int swappedLine;
        // Without class-data sharing, as FrameworksIT: its archive's dump would take a core for a while.
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--debug-mode", "--debugger-port", Integer.toString(TestEnvironment.freePort()),
                "--no-class-data-sharing", "--", java, "-cp", app.classpath(), example.main(), Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", example.greeting(), SERVED);
            long worker = Reloads.workerPid(respawn, SERVED);

            app.edit(example.source(), "\"" + example.greeting() + "\"", "\"Swapped \" + (1 + 1)");
            List<String> swap = Reloads.change(respawn, app, port, "Swapped 2", SERVED);
            assertThat(swap).as("a body change, hot-swapped in debug mode").containsOnly("hot-swapped");
            assertThat(Reloads.alive(worker)).as("the same worker JVM").isTrue();
            ExampleWorkspace.copyTree(app.classes(), swapped);
            swappedLine = lineOf(app, example.source(), "\"Swapped \" + (1 + 1)");

            app.edit(example.source(), example.anchor(), example.anchor() + "\n        private static int greeted;\n");
            app.edit(example.source(), "\"Swapped \" + (1 + 1)", "\"Greeted \" + (++greeted)");
            List<String> field = Reloads.change(respawn, app, port, "Greeted 1", SERVED);
            assertThat(field).as("a new field, served by a restart inside the JVM in debug mode").containsOnly(
                    "restarted inside the JVM");
            assertThat(Reloads.alive(worker)).as("the same worker JVM").isTrue();
            assertThat(respawn.count("worker pid \\d+ up in")).as("one worker JVM all along").isEqualTo(1);

            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.stderr()).contains("coverage report: ").doesNotContain("hot swap failed",
                    "cannot restart inside the JVM");
        }
        assertThat(covered(app.root().resolve(".respawn/coverage/respawn.exec"), swapped, example.source(), swappedLine))
                .as("the swapped-in line, counted by coverage").isPositive();
    }

    /**
     * The covered instructions of a line of {@code source} in the class files as they were swapped
     * in, from the exec file: JaCoCo's class ids are their bytes', so only data that the swapped-in
     * version recorded can match.
     */
    private static int covered(Path execFile, Path classes, String source, int line) throws Exception {
        ExecFileLoader exec = new ExecFileLoader();
        exec.load(execFile.toFile());
        CoverageBuilder builder = new CoverageBuilder();
        new Analyzer(exec.getExecutionDataStore(), builder).analyzeAll(classes.toFile());
        String name = Path.of(source).getFileName().toString();
        String packageName = Path.of(source).getParent().toString();
        ISourceFileCoverage file = builder.getSourceFiles().stream()
                .filter(s -> s.getName().equals(name) && s.getPackageName().equals(packageName))
                .findFirst().orElseThrow(() -> new AssertionError("no coverage of " + source));
        return file.getLine(line).getInstructionCounter().getCoveredCount();
    }

    private static int lineOf(ExampleWorkspace app, String source, String text) throws Exception {
        String[] lines = Files.readString(app.source(source)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text + " in " + source);
    }

}
