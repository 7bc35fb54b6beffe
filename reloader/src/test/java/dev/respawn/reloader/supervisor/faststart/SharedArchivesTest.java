package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording, settling and dumping, with the real {@code java -Xshare:dump} of the JDK running the tests. */
class SharedArchivesTest {

    @TempDir
    Path directory;

    private final List<String> said = new CopyOnWriteArrayList<>();
    private final WorkerJvm jvm = WorkerJvm.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            Path.of("."), null).orElseThrow();
    private SharedArchives archives;
    private Path jar;
    private JarsFirst.Layout layout;

    @BeforeEach
    void setUp() throws Exception {
        archives = new SharedArchives(directory.resolve("cds"), Duration.ofMillis(100), said::add);
        jar = directory.resolve("lib.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/lib/Lib.class"));
            zip.closeEntry();
        }
        Files.createDirectories(directory.resolve("classes/com/example"));
        Files.write(directory.resolve("classes/com/example/Main.class"), new byte[] {1});
        layout = JarsFirst.layout("classes" + java.io.File.pathSeparator + jar, directory);
    }

    @AfterEach
    void tearDown() {
        archives.close();
    }

    private ArchiveKey key(List<String> options) {
        return ArchiveKey.of(jvm, List.of(jar), options);
    }

    @Test
    void aFailedDumpMeansNoArchiveSaidOnceAndRemembered() throws Exception {
        List<String> bogus = List.of("-XX:+RespawnNoSuchOption");
        ArchiveKey key = key(bogus);
        SharedArchives.Plan plan = archives.plan(key, jvm, layout, bogus);
        assertThat(plan).isInstanceOf(SharedArchives.Record.class);
        assertThat(archives.plan(key, jvm, layout, bogus)).isEqualTo(new SharedArchives.Pending());
        Files.writeString(((SharedArchives.Record) plan).classList(), "java/lang/Object id: 0\norg/lib/Lib id: 1\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> !said.isEmpty());
        assertThat(said).singleElement().asString().contains("no archive: java -Xshare:dump exited with 1",
                key + ".log", "workers start without one");
        assertThat(archives.plan(key, jvm, layout, bogus)).isInstanceOf(SharedArchives.Failed.class);
        assertThat(directory.resolve("cds/" + key + ".failed")).exists();
        assertThat(directory.resolve("cds/" + key + ".jsa")).doesNotExist();
    }

    @Test
    void aDumpEndedByASignalIsNoFailureAndTheNextStartRecordsAgain() throws Exception {
        List<String> waiting = pausedDumpOptions();
        ArchiveKey key = key(waiting);
        startPausedDump(key, waiting);
        ProcessHandle dump = ProcessHandle.current().children()
                .filter(child -> child.info().arguments().map(List::of).orElse(List.of()).contains("-Xshare:dump"))
                .findFirst().orElseThrow();
        dump.destroy(); // SIGTERM, as Ctrl-C's SIGINT reaches the whole process group
        await().atMost(Duration.ofSeconds(30))
                .until(() -> archives.plan(key, jvm, layout, waiting) instanceof SharedArchives.Record);
        assertThat(said).isEmpty();
        assertThat(directory.resolve("cds/" + key + ".failed")).doesNotExist();
    }

    @Test
    void closingWhileADumpRunsEndsItWithoutWaitingForItsResult() throws Exception {
        List<String> waiting = pausedDumpOptions();
        startPausedDump(key(waiting), waiting);
        // The supervisor's stop closes it: the dump's completion, which takes the same lock, must not
        // hold close() until its 5 s wait for the result is up (a SIGTERM'd supervisor took 5 s more).
        long began = System.nanoTime();
        archives.close();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(4));
        assertThat(said).isEmpty();
    }

    @Test
    void aWorkerThatLoadedNoneOfTheApplicationsClassesLeavesTheNextToRecord() throws Exception {
        ArchiveKey key = key(List.of());
        SharedArchives.Record record = (SharedArchives.Record) archives.plan(key, jvm, layout, List.of());
        Files.writeString(record.classList(), "java/lang/Object id: 0\ncom/example/Missing id: 1\n");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> archives.plan(key, jvm, layout, List.of()) instanceof SharedArchives.Record);
        assertThat(said).isEmpty();
        assertThat(directory.resolve("cds/" + key + ".jsa")).doesNotExist();
    }

    @Test
    void anArchiveIsMadeFromTheRecordedClassesAndUsedFromThen() throws Exception {
        ArchiveKey key = key(List.of());
        SharedArchives.Record record = (SharedArchives.Record) archives.plan(key, jvm, layout, List.of());
        // Classes the dump cannot find (the class folder's, this jar's fake one) are skipped with a warning.
        Files.writeString(record.classList(), "java/lang/Object\njava/lang/String\ncom/example/Main\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> !said.isEmpty());
        assertThat(said).singleElement().asString().contains("archived the classes the first worker loaded from the JDK"
                + " and its 1 jar in", key + ".jsa");
        Path archive = directory.resolve("cds/" + key + ".jsa");
        assertThat(archives.plan(key, jvm, layout, List.of())).isEqualTo(new SharedArchives.Use(archive));
        assertThat(Files.size(archive)).isPositive();
        assertThat(JarIndex.load(directory.resolve("cds/" + key + ".names")).lastJarHolding("org/lib/Lib.class")).isZero();
    }

    /** Options under which the dumping JVM waits at its start while a file exists, so it is still running when ended. */
    private List<String> pausedDumpOptions() {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+PauseAtStartup",
                "-XX:PauseAtStartupFile=" + directory.resolve("paused"));
    }

    /** Records a class list for {@code key} and waits until its dump runs, paused at its start. */
    private void startPausedDump(ArchiveKey key, List<String> waiting) throws Exception {
        SharedArchives.Record record = (SharedArchives.Record) archives.plan(key, jvm, layout, waiting);
        Files.writeString(record.classList(), "java/lang/Object\ncom/example/Main\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(directory.resolve("paused")));
    }
}
