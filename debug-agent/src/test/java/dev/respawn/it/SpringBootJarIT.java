package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.codehaus.plexus.classworlds.launcher.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/spring-boot as Spring Boot's guide runs it, {@code java -jar target/app.jar}, under
 * {@code --reload-on-changes}: the launcher's own class loader gets respawn's development defaults, and
 * {@code mvn package} in another terminal, which writes the jar twice (the jar plugin's plain jar, then
 * Spring Boot's repackaged one), restarts the worker once, into the new jar.
 */
class SpringBootJarIT {

    private static final Duration SERVED = Duration.ofSeconds(120);
    private static final String GREETING = "dev/respawn/examples/spring/Greeting";

    @TempDir
    Path temp;

    @Test
    void anExecutableJarHasTheDevelopmentDefaultsAndARebuildRestartsItOnce() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("spring-boot", temp);
        Path jar = app.root().resolve("target/app.jar");
        Files.copy(executableJar(), jar);
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes", "--",
                TestEnvironment.java(), "-jar", "target/app.jar", "--server.port=" + port))) {
            Http.awaitBody(port, "/hello", "Hello from Spring Boot", SERVED);
            // spring.web.resources.cache.period=0, set by respawn below the application's own settings.
            assertThat(Http.get(port, "/notes.txt").headers().firstValue("Cache-Control")).hasValue("no-store");
            respawn.awaitStderr("respawn: development defaults: .*spring\\.web\\.resources\\.cache\\.period=0", SERVED);
            String firstPid = Http.bodyOrNull(port, "/pid");

            app.edit("dev/respawn/examples/spring/Greeting.java", "Hello from Spring Boot", "Hello from the rebuilt jar");
            byte[] greeting = Files.readAllBytes(app.compileAside(temp.resolve("rebuilt")).resolve(GREETING + ".class"));
            Path repackaged = repackaged(jar, greeting);
            Process build = fakeMavenBuild(app.root());
            try {
                // mvn package: the jar plugin's jar, which java -jar cannot start (no Main-Class)...
                writePlainJar(jar, greeting);
                respawn.awaitStderr("waiting for the Maven build of " + app.root().toRealPath() + " \\(pid "
                        + build.pid() + "\\) to end", SERVED);
                // ...then Spring Boot's repackage moves it aside and writes the executable jar.
                Files.move(jar, jar.resolveSibling("app.jar.original"));
                Files.copy(repackaged, jar);
            } finally {
                build.destroy();
            }
            Http.awaitBody(port, "/hello", "Hello from the rebuilt jar", SERVED);
            assertThat(Http.bodyOrNull(port, "/pid")).as("a new worker process").isNotEqualTo(firstPid);
            assertThat(Http.get(port, "/notes.txt").headers().firstValue("Cache-Control")).hasValue("no-store");
            await().during(Duration.ofSeconds(2)).atMost(SERVED)
                    .until(() -> respawn.count("app\\.jar changed; restarted in \\d+ ms") == 1);
            assertThat(respawn.stderr()).as("no worker started from the jar plugin's jar").doesNotContain("exited with code");
        }
    }

    private static Path executableJar() throws IOException {
        Path target = TestEnvironment.examples().resolve("spring-boot/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("respawn-example-spring-boot-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no executable jar in " + target));
        }
    }

    /** The executable jar with the new Greeting in BOOT-INF/classes, as the next repackage writes it. */
    private Path repackaged(Path jar, byte[] greeting) throws IOException {
        Path copy = temp.resolve("repackaged.jar");
        Files.copy(jar, copy);
        // Entries left alone keep their bytes and method: Spring Boot needs BOOT-INF/lib's stored.
        try (FileSystem zip = FileSystems.newFileSystem(copy, Map.of())) {
            Files.write(zip.getPath("BOOT-INF/classes/" + GREETING + ".class"), greeting);
        }
        return copy;
    }

    private static void writePlainJar(Path jar, byte[] greeting) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out, manifest)) {
            entries.putNextEntry(new ZipEntry(GREETING + ".class"));
            entries.write(greeting);
            entries.closeEntry();
        }
    }

    /** A process with Maven's command line for {@code project}, building nothing. */
    private static Process fakeMavenBuild(Path project) throws IOException, URISyntaxException {
        String classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return new ProcessBuilder(TestEnvironment.java(), "-cp", classes, "-Dmaven.multiModuleProjectDirectory=" + project,
                Launcher.class.getName(), "120").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true).start();
    }
}
