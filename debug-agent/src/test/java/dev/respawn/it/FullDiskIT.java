package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

/**
 * A debug directory on a disk that fills up (a 64 KiB tmpfs, most of it taken): the application
 * answers every request, respawn says in one line what it could not write and where, and no
 * half-written file is left under a final name. Needs root to mount; skipped, with the reason,
 * where mounting is not permitted.
 */
class FullDiskIT {

    private static final Duration SERVED = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            run("umount", disk.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(20, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    private Path smallDisk() throws Exception {
        Path mountPoint = Files.createDirectories(temp.resolve("disk"));
        int mounted = run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(mounted == 0, "cannot mount a 64 KiB tmpfs here (mount exited " + mounted
                + "; it needs root and a sandbox that permits mounts), so a full disk cannot be made");
        disk = mountPoint;
        // Leave about 12 KiB: a few recorded exchanges fill it.
        Files.write(mountPoint.resolve("filler"), new byte[52 * 1024]);
        return mountPoint;
    }

    @Test
    void theApplicationAnswersEveryRequestWhenTheDebugDirectoryFillsUp() throws Exception {
        Path full = smallDisk();
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp.resolve("app"));
        int port = TestEnvironment.freePort();
        List<String> arguments = List.of("--enable-recorder", "--capture-exceptions", "--enable-profiler",
                "--enable-coverage", "--no-class-data-sharing",
                "--debug-directory", full.toString(), "--", TestEnvironment.java(), "-cp", "target/classes",
                "dev.respawn.examples.hello.HelloServer", Integer.toString(port));
        String padding = "x".repeat(1500);
        List<Integer> statuses = new ArrayList<>();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), arguments)) {
            Http.awaitBody(port, "/hello", "Hello from respawn", SERVED);
            for (int i = 0; i < 60; i++) {
                statuses.add(Http.get(port, "/hello?n=" + i + "&pad=" + padding).statusCode());
                if (i % 10 == 0) {
                    statuses.add(Http.get(port, "/order?item=book&quantity=-" + i).statusCode() == 500 ? 200 : -1);
                }
            }
            assertThat(statuses).as("every request answered").hasSize(66).containsOnly(200);
            respawn.awaitStderr("could not write .*" + full.getFileName(), SERVED);
            assertThat(respawn.count("the recorder could not write")).as("said once").isEqualTo(1);
            assertThat(respawn.count("could not write an exception report")).as("said once").isEqualTo(1);
            assertThat(respawn.stderr()).doesNotContain("InternalError", "unsafe memory access");

            respawn.terminate();
            assertThat(respawn.awaitExit(SERVED)).isNotNegative();
            assertThat(respawn.stderr()).doesNotContain("Exception in thread");
        }
        try (Stream<Path> files = Files.walk(full)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                assertThat(full.relativize(file).toString()).as("nothing half-written is left")
                        .doesNotContain(".partial", ".tmp-");
                if (name.endsWith(".har") || name.endsWith(".json")) {
                    assertThat(Files.size(file)).as(name).isPositive();
                    JsonParser.parseString(Files.readString(file));
                }
            }
        }
    }
}
