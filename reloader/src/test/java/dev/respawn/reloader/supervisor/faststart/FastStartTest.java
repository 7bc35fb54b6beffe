package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.options.Options;

/** The command a worker starts with, for the JDK running the tests. */
class FastStartTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path directory;

    private final List<String> said = new ArrayList<>();
    private final List<FastStart> made = new ArrayList<>();
    private Path jar;
    private String classPath;

    @BeforeEach
    void anApplicationWithAJar() throws Exception {
        Files.createDirectories(directory.resolve("classes/com/example"));
        Files.write(directory.resolve("classes/com/example/Main.class"), new byte[] {1});
        jar = directory.resolve("lib/lib.jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/lib/Lib.class"));
            zip.closeEntry();
        }
        classPath = "classes" + File.pathSeparator + "lib/lib.jar";
    }

    @AfterEach
    void close() {
        made.forEach(FastStart::close);
    }

    private FastStart fastStart(String agentString) {
        FastStart fastStart = new FastStart(Options.fromAgentString(agentString), said::add, directory.resolve("cds"),
                Duration.ofHours(1));
        made.add(fastStart);
        return fastStart;
    }

    private List<String> command(FastStart fastStart, String... jvmOptions) {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath, "com.example.Main", "8080"));
        return fastStart.command(command, directory, Map.of());
    }

    @Test
    void theFirstStartIsC1OnlyAndRecordsItsClassesAndSaysSoOnce() {
        FastStart fastStart = fastStart("");
        List<String> first = command(fastStart);
        assertThat(first).startsWith(JAVA, FastStart.C1_ONLY).endsWith("-cp", classPath, "com.example.Main", "8080");
        assertThat(first.get(2)).startsWith("-XX:DumpLoadedClassList=" + directory.resolve("cds")).endsWith(".loaded");
        assertThat(directory.resolve("cds")).isDirectory();
        List<String> second = command(fastStart);
        assertThat(second).containsExactly(JAVA, FastStart.C1_ONLY, "-cp", classPath, "com.example.Main", "8080");
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).contains("-XX:TieredStopAtLevel=1", "--no-c1-only", "class-data sharing of the classes it loads from the JDK and its 1 jar",
                "--no-class-data-sharing");
    }

    @Test
    void anArchiveMadeBeforeIsUsedWithTheJarsFirst() throws Exception {
        Path archive = archiveFor(command(fastStart("")));
        List<String> next = command(fastStart(""));
        assertThat(next).containsExactly(JAVA, FastStart.C1_ONLY, "-XX:SharedArchiveFile=" + archive, "-cp",
                jar + File.pathSeparator + "classes", "com.example.Main", "8080");
    }

    @Test
    void aClassPathWithoutJarsSharesTheJdkClassesAndStaysAsGiven() throws Exception {
        classPath = "classes";
        Path archive = archiveFor(command(fastStart("")));
        assertThat(command(fastStart(""))).containsExactly(JAVA, FastStart.C1_ONLY, "-XX:SharedArchiveFile=" + archive,
                "-cp", "classes", "com.example.Main", "8080");
        assertThat(said.get(0)).contains("class-data sharing of the classes it loads from the JDK, archived after");
    }

    @Test
    void theUsersOwnFlagsWin() {
        List<String> command = command(fastStart(""), "-XX:TieredStopAtLevel=4", "-Xshare:off");
        assertThat(command).containsExactly(JAVA, "-XX:TieredStopAtLevel=4", "-Xshare:off", "-cp", classPath,
                "com.example.Main", "8080");
        assertThat(said.get(0)).contains("the command's own -XX:TieredStopAtLevel=4",
                "no class-data sharing: the command sets -Xshare:off");
        assertThat(directory.resolve("cds")).doesNotExist();
    }

    @Test
    void eachDefaultTurnsOffAlone() {
        assertThat(command(fastStart("no-c1-only"))).noneMatch(FastStart.C1_ONLY::equals)
                .anyMatch(option -> option.startsWith("-XX:DumpLoadedClassList="));
        assertThat(command(fastStart("no-class-data-sharing")))
                .containsExactly(JAVA, FastStart.C1_ONLY, "-cp", classPath, "com.example.Main", "8080");
        assertThat(command(fastStart("no-c1-only,no-class-data-sharing")))
                .containsExactly(JAVA, "-cp", classPath, "com.example.Main", "8080");
    }

    @Test
    void aProfiledWorkerRunsTheFullJitUnlessItsCommandAsksForC1Only() {
        assertThat(command(fastStart("enable-profiler"))).noneMatch(FastStart.C1_ONLY::equals)
                .anyMatch(option -> option.startsWith("-XX:DumpLoadedClassList="));
        assertThat(said.get(0)).contains("the full JIT while profiling");
        assertThat(command(fastStart("enable-profiler"), FastStart.C1_ONLY)).containsOnlyOnce(FastStart.C1_ONLY);
    }

    @Test
    void debugModeAloneStaysC1Only() {
        assertThat(command(fastStart("debug-mode"))).containsOnlyOnce(FastStart.C1_ONLY);
        assertThat(command(fastStart("debug-mode,no-c1-only"))).noneMatch(FastStart.C1_ONLY::equals);
        assertThat(command(fastStart("debug-mode,enable-profiler"))).noneMatch(FastStart.C1_ONLY::equals);
    }

    @Test
    void aScriptIsLeftAlone() {
        assertThat(fastStart("").command(List.of("./gradlew", "run"), directory, Map.of()))
                .containsExactly("./gradlew", "run");
        assertThat(said).isEmpty();
    }

    @Test
    void aClassFolderThatShadowsAJarMeansNoSharingSaidOnce() throws Exception {
        Path archive = archiveFor(command(fastStart("")));
        Files.createDirectories(directory.resolve("classes/org/lib"));
        Files.write(directory.resolve("classes/org/lib/Lib.class"), new byte[] {1});
        FastStart fastStart = fastStart("");
        assertThat(command(fastStart)).containsExactly(JAVA, FastStart.C1_ONLY, "-cp", classPath, "com.example.Main", "8080");
        command(fastStart);
        assertThat(said).hasSize(2);
        assertThat(said.get(1)).contains("no class-data sharing: ", "lib.jar both hold org/lib/Lib.class");
        assertThat(archive).exists();
    }

    /** Makes the archive the recording start named, as the background dump would. */
    private static Path archiveFor(List<String> recording) throws Exception {
        String option = recording.stream().filter(o -> o.startsWith("-XX:DumpLoadedClassList=")).findFirst().orElseThrow();
        Path loaded = Path.of(option.substring(option.indexOf('=') + 1));
        Path archive = loaded.resolveSibling(loaded.getFileName().toString().replace(".loaded", ".jsa"));
        return Files.write(archive, new byte[] {1});
    }
}
