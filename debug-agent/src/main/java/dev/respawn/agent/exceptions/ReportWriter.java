package dev.respawn.agent.exceptions;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * Writes reports ({@code <time>-<Exception>.json} and its {@code .txt} twin) and their one-line
 * summaries on a thread of its own, so the application's thread only pays for taking the report.
 * The directory is created owner-only; a report that cannot be written is one line, and the
 * application goes on.
 */
final class ReportWriter {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final Path directory;
    private final PrintStream terminal;
    private final ThreadPoolExecutor thread;
    /** Only the writer's thread reads and writes it. */
    private boolean failing;

    ReportWriter(Path directory, PrintStream terminal) {
        this.directory = directory.toAbsolutePath().normalize();
        this.terminal = terminal;
        // A bounded queue: reports beyond it, in a storm of distinct exceptions, are dropped.
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100),
                runnable -> {
                    Thread daemon = new Thread(runnable, "respawn-exceptions");
                    daemon.setDaemon(true);
                    return daemon;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    void submit(ExceptionReport report) {
        thread.execute(() -> write(report));
    }

    void say(String line) {
        thread.execute(() -> terminal.println(line));
    }

    /** Lets the reports already taken be written as the JVM exits (an exception that ended main, say). */
    void drain(Duration timeout) {
        thread.shutdown();
        try {
            thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(ExceptionReport report) {
        try {
            createOwnerOnly(directory);
            String simple = report.exception().className();
            simple = simple.substring(simple.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9_$-]", "_");
            Path json = freeName(FILE_TIME.format(report.time()) + "-" + simple);
            // The text twin first, then the JSON, each whole at once: a reader that sees the JSON sees both.
            publish(json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", ".txt")),
                    ReportText.toText(report));
            publish(json, ReportJson.toJson(report));
            terminal.println(summary(report, json));
            failing = false;
        } catch (IOException | RuntimeException e) {
            // Said once while writes fail (a full disk fails every one), again after one succeeded.
            if (!failing) {
                failing = true;
                terminal.println("respawn: could not write an exception report to " + directory + " (" + e
                        + "); the application goes on, and reports are not written until there is room");
            }
        }
    }

    /** A name of its own: two reports in the same millisecond get -2, -3, ... (one writer thread: no race). */
    private Path freeName(String base) {
        for (int n = 1;; n++) {
            Path file = directory.resolve(base + (n == 1 ? "" : "-" + n) + ".json");
            if (!Files.exists(file)) {
                return file;
            }
        }
    }

    private static void publish(Path file, String content) throws IOException {
        OwnerOnly.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    private static String summary(ExceptionReport report, Path json) {
        StringBuilder line = new StringBuilder("respawn: ").append(report.exception().headline());
        CapturedFrame origin = report.origin();
        if (origin != null) {
            line.append(" at ").append(origin.where());
        }
        if (report.request() != null) {
            line.append(" (").append(report.request().method()).append(' ').append(report.request().url()).append(')');
        }
        if (report.notWrittenBefore() > 0) {
            line.append(", and ").append(report.notWrittenBefore()).append(" more not written");
        }
        return line.append(" -> ").append(shortest(json)).toString();
    }

    private static Path shortest(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file) : file;
    }

    static void createOwnerOnly(Path directory) throws IOException {
        OwnerOnly.directories(directory);
    }
}
