package dev.respawn.reloader.supervisor.faststart;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * One run of {@code java -Xshare:dump}, in the background: the classes a worker loaded, taken
 * from the jars alone (the JVM refuses to archive from a class folder), into an archive file
 * that appears whole or not at all.
 */
final class ArchiveDump {

    /**
     * @param made whether the archive file is there now
     * @param exitCode the dumping JVM's exit code
     * @param took how long it ran
     */
    record Result(boolean made, int exitCode, Duration took) {
    }

    private final Process process;
    private final CompletableFuture<Result> result;

    private ArchiveDump(Process process, CompletableFuture<Result> result) {
        this.process = process;
        this.result = result;
    }

    /** Starts dumping; its output goes to {@code log}. */
    static ArchiveDump start(WorkerJvm jvm, Path classList, List<Path> jars, List<String> options, Path archive,
            Path log) throws IOException {
        Path partial = archive.resolveSibling(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        List<String> command = new ArrayList<>(List.of(jvm.java().toString(), "-Xshare:dump",
                "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial));
        command.addAll(options);
        command.add("-cp");
        command.add(jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        OwnerOnly.newFile(log);
        Files.writeString(log, String.join(" ", command) + System.lineSeparator());
        long began = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")))
                .start();
        CompletableFuture<Result> result = process.onExit().thenApply(ended -> {
            Duration took = Duration.ofNanos(System.nanoTime() - began);
            int code = ended.exitValue();
            try {
                if (code == 0 && Files.size(partial) > 0) {
                    Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    ownerOnly(archive);
                    return new Result(true, code, took);
                }
            } catch (IOException e) {
                // No archive: said by the caller.
            } finally {
                deleteQuietly(partial);
            }
            return new Result(false, code, took);
        });
        return new ArchiveDump(process, result);
    }

    CompletableFuture<Result> result() {
        return result;
    }

    /** Stops the dump (the supervisor is stopping); no archive is left. */
    void cancel() {
        process.destroyForcibly();
        try {
            result.get(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            // Ended or not, nothing more to do.
        }
    }

    // The JVM writes its archive readable by all; the folder is private anyway, the file now too.
    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: the user's profile is private there.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover partial file is ignored by name.
        }
    }

    private static boolean isWindows() {
        return File.separatorChar == '\\';
    }
}
