package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What respawn writes is its owner's alone and holds no secret: with the recorder, exception
 * capture, the profiler and coverage on, every file is 0600 and every directory 0700 (one that
 * existed before, 0755, included), and neither the credential a request carried nor a key in an
 * application's field appears in any file or on the terminal.
 */
class OwnerOnlyIT {

    private static final Duration SERVED = Duration.ofSeconds(30);
    private static final String TOKEN = "s3cr3t-token-value-XYZ";
    /** Accounts.signingKey in the example: "k-" and the bits of pi in hex. */
    private static final String SIGNING_KEY = "k-" + Long.toHexString(Double.doubleToLongBits(Math.PI));

    @TempDir
    Path temp;

    @Test
    void everyFileIsOwnerOnlyAndNoSecretIsWritten() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        Path debug = app.root().resolve(".respawn");
        Path exceptions = Files.createDirectories(debug.resolve("exceptions"));
        Files.setPosixFilePermissions(exceptions, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(debug, PosixFilePermissions.fromString("rwx------"));
        int port = TestEnvironment.freePort();
        List<String> arguments = List.of("--capture-exceptions", "--enable-recorder", "--enable-profiler",
                "--enable-coverage", "--no-class-data-sharing", "--", TestEnvironment.java(), "-cp",
                "target/classes", "dev.respawn.examples.hello.HelloServer", Integer.toString(port));
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/account"))
                    .header("Authorization", "Bearer " + TOKEN).build();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(500);
            await().atMost(SERVED).until(() -> files(exceptions, ".json").size() == 1);
            respawn.awaitStderr("made " + exceptions + " owner-only \\(it was rwxr-xr-x\\)", SERVED);

            respawn.terminate();
            respawn.awaitExit(SERVED);
            assertThat(respawn.count("owner-only \\(it was")).as("said once").isEqualTo(1);
            assertThat(respawn.stderr() + respawn.stdout()).doesNotContain(TOKEN, SIGNING_KEY);
        }
        String report = Files.readString(files(exceptions, ".json").get(0));
        assertThat(report).contains("SecurityException", "presented", "[redacted]");
        assertThat(files(debug.resolve("recordings"), ".har")).hasSize(1);
        assertThat(files(debug.resolve("profiles"), ".jfr")).isNotEmpty();
        try (Stream<Path> all = Files.walk(debug)) {
            for (Path path : all.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                if (Files.isDirectory(path)) {
                    assertThat(mode).as(path.toString()).isEqualTo("rwx------");
                } else {
                    // Owner-only; async-profiler's extracted library keeps its owner's x bit.
                    assertThat(mode).as(path.toString()).matches("rw[-x]------");
                }
                if (Files.isRegularFile(path)) {
                    String text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
                    assertThat(text).as(path.toString()).doesNotContain(TOKEN, SIGNING_KEY);
                }
            }
        }
    }

    private static List<Path> files(Path directory, String suffix) throws Exception {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
