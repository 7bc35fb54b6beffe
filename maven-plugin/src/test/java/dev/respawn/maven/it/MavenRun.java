package dev.respawn.maven.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real {@code mvn respawn:run} on a copy of examples/maven-app, against the plugin this build
 * made: installed into a private local repository under target/it (the shared ~/.m2 is never
 * written), with every other artifact taken from ~/.m2 as if it were central.
 */
final class MavenRun implements AutoCloseable {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread pump;

    private MavenRun(Process process) {
        this.process = process;
        this.pump = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                    output.append(text);
                    System.out.print(text);
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "mvn-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Copies examples/maven-app to a fresh directory under target/it. */
    static Path workspace(String name) throws IOException {
        Path example = Path.of(System.getProperty("respawn.examples"), "maven-app");
        Path workspace = Files.createTempDirectory(itDirectory(), name + "-");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = example.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = workspace.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return workspace;
    }

    /** Starts {@code mvn -B ARGS} in {@code workspace}, its output merged and kept. */
    static MavenRun start(Path workspace, String... arguments) throws IOException {
        return startIn(workspace, arguments);
    }

    /** Starts {@code mvn -B ARGS} in {@code directory}. */
    static MavenRun startIn(Path directory, String... arguments) throws IOException {
        Path repository = privateRepository();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("respawn.maven.home"), "bin", "mvn").toString(), "-B", "-ntp",
                "-Dstyle.color=never", "-s", settings().toString(), "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("MAVEN_OPTS");
        return new MavenRun(builder.start());
    }

    String output() {
        return output.toString();
    }

    void awaitOutput(String text, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> output.indexOf(text) >= 0 || !process.isAlive() && !pump.isAlive());
        if (output.indexOf(text) < 0) {
            throw new AssertionError("mvn never printed '" + text + "'; it printed:\n" + output);
        }
    }

    Process process() {
        return process;
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("mvn did not end within " + timeout + "; it printed:\n" + output);
        }
        pump.join(5_000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /** A free port below the kernel's ephemeral range, so that no socket bound to port 0 meanwhile takes it. */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException inUse) {
                // Try another.
            }
        }
        throw new IOException("no free port between 20000 and 32000 in 100 tries");
    }

    private static Path itDirectory() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("respawn.it.directory")));
    }

    /** The plugin, respawn.jar and their POMs, laid out as {@code mvn install} would, in target/it/repository. */
    private static synchronized Path privateRepository() throws IOException {
        Path repository = itDirectory().resolve("repository");
        install(repository, "respawn-parent", Path.of(System.getProperty("respawn.parent.pom")), null);
        install(repository, "respawn-debug-agent", Path.of(System.getProperty("respawn.agent.pom")),
                Path.of(System.getProperty("respawn.jar")));
        install(repository, "respawn-maven-plugin", Path.of(System.getProperty("respawn.plugin.pom")),
                Path.of(System.getProperty("respawn.plugin.jar")));
        return repository;
    }

    private static void install(Path repository, String artifactId, Path pom, Path jar) throws IOException {
        Path directory = Files.createDirectories(repository.resolve("dev/respawn/" + artifactId + "/" + VERSION));
        String base = artifactId + "-" + VERSION;
        Files.copy(pom, directory.resolve(base + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, directory.resolve(base + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path settings() throws IOException {
        Path settings = itDirectory().resolve("settings.xml");
        String shared = Path.of(System.getProperty("respawn.shared.repository")).toUri().toString();
        // central itself, moved to ~/.m2: a local repository keeps no checksums of its own to check.
        String repository = """
                      <id>central</id>
                      <url>%s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                """.formatted(shared);
        Files.writeString(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>shared-local-repository</id>
                      <repositories><repository>%s</repository></repositories>
                      <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>shared-local-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository));
        return settings;
    }

    static String get(int port, String path) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.body().trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
