package dev.respawn.reloader.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.builds.FakeBuild;
import dev.respawn.reloader.options.OptionParser;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.tracking.ClassOrigin;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** A real class folder, really watched: what a build's rewrites of class files and resources reload. */
class ChangeMonitorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final List<List<Path>> reloads = new CopyOnWriteArrayList<>();
    private final List<String> said = new CopyOnWriteArrayList<>();
    private ChangeMonitor monitor;

    @BeforeEach
    void watch() throws IOException {
        Files.writeString(root.resolve("application.properties"), "greeting=hello\n");
        for (int i = 0; i < 5; i++) {
            Files.write(root.resolve("C" + i + ".class"), classFile("C" + i, 1));
        }
        Options options = new Options();
        // A quiet period long enough for a loaded 2-core machine to write a burst within it.
        new CommandLine(CommandSpec.forAnnotatedObject(options)).parseArgs("--quiet-period", "400");
        monitor = new ChangeMonitor(OptionParser.validated(options), executor, reloads::add, said::add);
        monitor.root(root, true);
        // Once a change is seen, the watch is on (written less often than the quiet period, or it never settles).
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Files.writeString(root.resolve("marker.txt"), Long.toString(System.nanoTime()));
            return !reloads.isEmpty();
        });
        await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).until(() -> true);
        reloads.clear();
    }

    /** A whole class file (a half-written one would be waited for), different for each version. */
    private static byte[] classFile(String name, int version) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_STATIC, "v" + version, "I", null, null).visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @AfterEach
    void stop() {
        monitor.close();
        executor.shutdownNow();
    }

    @Test
    void aBurstOfRewrittenClassFilesAndResourcesIsOneReload() throws IOException {
        for (int i = 0; i < 5; i++) {
            Files.write(root.resolve("C" + i + ".class"), classFile("C" + i, 2));
        }
        Files.writeString(root.resolve("application.properties"), "greeting=hi\n");
        Files.writeString(root.resolve("messages.properties"), "new=resource\n");
        await().atMost(WAIT).until(() -> !reloads.isEmpty());

        // A later change, and nothing between: the burst was one reload.
        Files.writeString(root.resolve("later.properties"), "x=1\n");
        await().atMost(WAIT).until(() -> reloads.size() >= 2);
        assertThat(reloads.get(0)).hasSize(7);
        assertThat(reloads.get(1)).containsExactly(root.resolve("later.properties"));
    }

    @Test
    void aClassFileUsingAFieldAnotherIsStillToBeWrittenWithWaitsForIt() throws Exception {
        Path outer = Files.write(root.resolve("Outer.class"), classFile("Outer", 1));
        Path inner = Files.write(root.resolve("Outer$Inner.class"), classFile("Outer$Inner", 1));
        await().atMost(WAIT).until(() -> reloads.stream().anyMatch(batch -> batch.contains(outer)));
        monitor.loaded(new ClassOrigin("Outer", outer, root, Optional.empty()));
        monitor.loaded(new ClassOrigin("Outer$Inner", inner, root, Optional.empty()));
        reloads.clear();

        // javac writes a source's nested classes first, and on a busy machine pauses longer than
        // the quiet period before the top-level class that declares the field they now read.
        Files.write(inner, reading("Outer$Inner", "Outer", "v2"));
        Thread.sleep(2000);
        Files.write(outer, classFile("Outer", 2));
        await().atMost(WAIT).until(() -> reloads.stream().anyMatch(batch -> batch.contains(outer)));
        // (The setup's marker file may still come in a reload of its own on a loaded machine.)
        assertThat(reloads.stream().map(batch -> batch.stream().filter(path -> !path.endsWith("marker.txt")).toList())
                .filter(batch -> !batch.isEmpty())).as("one reload, with the class that declares the field")
                .singleElement().asList().containsExactlyInAnyOrder(inner, outer);
    }

    /** A class whose one method reads {@code owner}'s static int {@code field}. */
    private static byte[] reading(String name, String owner, String field) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        var method = writer.visitMethod(Opcodes.ACC_STATIC, "read", "()I", null, null);
        method.visitCode();
        method.visitFieldInsn(Opcodes.GETSTATIC, owner, field, "I");
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void aResourceRewrittenWithTheSameBytesReloadsNothing() throws IOException {
        Files.writeString(root.resolve("application.properties"), "greeting=hello\n");
        Files.writeString(root.resolve("later.properties"), "x=1\n");
        await().atMost(WAIT).until(() -> !reloads.isEmpty());
        assertThat(reloads).as("only the resource whose bytes changed")
                .containsExactly(List.of(root.resolve("later.properties")));
    }

    @Test
    void aBuildOfTheProjectInAnotherTerminalIsOneReloadWhenItEnds() throws Exception {
        try (FakeBuild build = FakeBuild.detached(root)) {
            // generate-resources: a build-info file that differs on every build.
            Files.writeString(root.resolve("build-info.properties"), "build.time=" + System.nanoTime() + "\n");
            await().atMost(WAIT).until(() -> said.contains(
                    "waiting for the Maven build of " + root.toRealPath() + " (pid " + build.process().pid() + ") to end"));
            // compile, longer after than the quiet period.
            for (int i = 0; i < 5; i++) {
                Files.write(root.resolve("C" + i + ".class"), classFile("C" + i, 3));
            }
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(reloads::isEmpty);
            build.close();
            await().atMost(WAIT).until(() -> !reloads.isEmpty());
        }
        await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> reloads.size() == 1);
        assertThat(reloads.get(0)).as("every file the build wrote").hasSize(6)
                .contains(root.resolve("build-info.properties"), root.resolve("C4.class"));
    }

    @Test
    void anExecutableJarPackedTwiceByOneBuildIsOneReloadWhenTheBuildEnds(@TempDir Path project) throws Exception {
        Path target = Files.createDirectories(project.resolve("target/classes")).getParent();
        Path jar = Files.writeString(target.resolve("app.jar"), "executable 1");
        List<List<Path>> jarReloads = new CopyOnWriteArrayList<>();
        List<String> jarSaid = new CopyOnWriteArrayList<>();
        Options options = new Options();
        new CommandLine(CommandSpec.forAnnotatedObject(options)).parseArgs("--quiet-period", "400");
        try (ChangeMonitor jarMonitor = new ChangeMonitor(OptionParser.validated(options), executor, jarReloads::add, jarSaid::add);
                FakeBuild build = FakeBuild.detached(project)) {
            // java -jar target/app.jar: the jar is all the worker reports.
            jarMonitor.root(jar, false);
            // mvn package: the jar plugin writes a plain jar, which no java -jar can start...
            Files.writeString(jar, "plain");
            await().atMost(WAIT).until(() -> jarSaid.contains(
                    "waiting for the Maven build of " + project.toRealPath() + " (pid " + build.process().pid() + ") to end"));
            // ...then Spring Boot's repackage moves it aside and writes the executable one.
            Files.move(jar, target.resolve("app.jar.original"));
            Files.writeString(jar, "executable 2");
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(jarReloads::isEmpty);
            build.close();
            await().atMost(WAIT).until(() -> !jarReloads.isEmpty());
            await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> jarReloads.size() == 1);
            assertThat(jarReloads.get(0)).containsExactly(jar);
        }
    }
}
