package dev.respawn.coverage.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.respawn.coverage.ClassPatterns;
import dev.respawn.coverage.CoverageFiles;
import dev.respawn.coverage.ExecFile;
import dev.respawn.coverage.RecordedClasses;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfo;

/**
 * One worker life's coverage: written to the merged exec file as a JaCoCo session when the
 * worker stops, or earlier on {@code coverage dump}; forgotten on {@code coverage reset}.
 */
final class CoverageSession {

    private final CoverageFiles files;
    private final ExecFile exec;
    private final Supplier<CoverageRuntime> runtime;
    private final CoverageTransformer transformer;
    private final List<Path> sourcePath;
    private final ClassPatterns patterns;
    private final Clock clock;
    private final String id;
    private final AtomicInteger dumps = new AtomicInteger();
    /** When the session began; -1 until a write or reset: the JVM's start, read only when written. */
    private long start = -1;

    CoverageSession(CoverageFiles files, ExecFile exec, Supplier<CoverageRuntime> runtime, CoverageTransformer transformer,
            List<Path> sourcePath, ClassPatterns patterns, Clock clock) {
        this.files = files;
        this.exec = exec;
        this.runtime = runtime;
        this.transformer = transformer;
        this.sourcePath = sourcePath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.patterns = patterns;
        this.clock = clock;
        this.id = "respawn-" + ProcessHandle.current().pid();
        // The JVM's start is read when first needed: ProcessHandle's Info reads several /proc files,
        // 5 to 10 ms of premain.
    }

    /**
     * Appends what was covered since the last write, as a session of its own, and starts counting
     * anew; returns the one line that says what it wrote.
     */
    synchronized String write(boolean dump) throws Exception {
        // The classes first: even without data, a report can show what was never run.
        exec.record(new RecordedClasses(transformer.roots(), sourcePath, patterns));
        // A dump starts counting anew; the last write, as the JVM ends, leaves the data as it is:
        // with a user's own JaCoCo agent it is that agent's data, which it still has to write.
        ExecutionDataStore data = runtime.get().collect(dump);
        long now = clock.millis();
        String session = dump ? id + "-dump-" + dumps.incrementAndGet() : id;
        long began = start >= 0 ? start
                : ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(now);
        exec.append(new SessionInfo(session, began, now), data);
        start = now;
        long hit = data.getContents().stream().filter(d -> d.hasHits()).count();
        return "wrote the coverage of " + hit + " class" + (hit == 1 ? "" : "es") + " to " + files.exec()
                + " (session " + session + ")";
    }

    /** Forgets what this worker covered so far and every session already written. */
    synchronized String reset() throws Exception {
        runtime.get().collect(true);
        exec.delete();
        start = clock.millis();
        return "coverage reset: the running worker's data and " + files.exec() + " are cleared";
    }

    /** The write as the worker stops: whatever happens, the JVM's exit goes on. */
    void writeOnExit() {
        try {
            write(false);
        } catch (IOException e) {
            System.err.println("respawn: could not write coverage to " + files.exec() + " (" + e.getMessage()
                    + "); this worker's coverage is lost");
        } catch (Exception | LinkageError e) {
            System.err.println("respawn: could not collect this worker's coverage (" + e + ")");
        }
    }
}
