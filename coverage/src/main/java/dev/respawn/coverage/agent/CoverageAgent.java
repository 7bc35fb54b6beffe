package dev.respawn.coverage.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.respawn.coverage.ClassPatterns;
import dev.respawn.coverage.CoverageFiles;
import dev.respawn.coverage.ExecFile;
import dev.respawn.reloader.agent.AtGo;
import dev.respawn.reloader.control.ControlServer;
import dev.respawn.reloader.output.OwnerOnly;
import dev.respawn.reloader.options.Options;

/**
 * The coverage add-on's part of the agent ({@code --enable-coverage}): instruments the
 * application's classes, writes this worker's session to the merged exec file when the JVM
 * stops, and answers {@code coverage.dump} and {@code coverage.reset} on the control channel.
 */
public final class CoverageAgent {

    /** How long the JVM's exit waits for the check of the exec file started with the worker. */
    private static final long CHECK_WAIT_MILLIS = 5_000;

    private CoverageAgent() {
    }

    /**
     * Installs coverage, or says in one line why not and leaves the application alone.
     *
     * @param ownJar respawn.jar, whose classes are never instrumented (may be null)
     * @param say takes one line for the terminal (without the "respawn: " prefix)
     */
    public static void install(Options options, Instrumentation instrumentation, ControlServer control, Path ownJar,
            Consumer<String> say) {
        CoverageFiles files = new CoverageFiles(options.coverageDirectory());
        try {
            OwnerOnly.directories(files.directory());
            if (!Files.isWritable(files.directory())) {
                throw new IOException("not writable");
            }
        } catch (IOException e) {
            say.accept("coverage is off: cannot write to " + files.directory() + " (" + describe(e)
                    + "); give --coverage-directory a folder you can write to");
            return;
        }
        OwnRuntime own;
        try {
            own = OwnRuntime.start(instrumentation);
        } catch (Exception | LinkageError e) {
            say.accept("coverage is off: JaCoCo's runtime could not start (" + e + ")");
            return;
        }
        Clock clock = Clock.systemDefaultZone();
        ExecFile exec = new ExecFile(files, clock);
        ClassPatterns patterns = new ClassPatterns(options.coverageIncludes(), options.coverageExcludes());
        // What JaCoCo made of each class file is kept for the next worker's start (a process restart).
        String build = InstrumentedClassCache.build(ownJar);
        CoverageRuntime kept = build == null ? own
                : new InstrumentedClassCache(own, options.debugDirectory().resolve("coverage-classes"), build);
        RuntimeChoice runtime = new RuntimeChoice(kept, say);
        CoverageTransformer transformer = new CoverageTransformer(new ClassSelection(patterns, ownJar), runtime, say);
        CoverageSession session = new CoverageSession(files, exec, runtime, transformer, options.sourcePath(), patterns,
                clock);
        instrumentation.addTransformer(transformer, false);
        // A warm worker loads and compiles JaCoCo's instrumentation while it waits, on respawn's own
        // classes (their bytes dropped, nothing registered with the runtime): else the application's
        // start pays it on its first classes.
        AtGo.ahead(() -> CoverageTransformer.warmUp(own));
        // Appending a session to the exec file is this life's: a warm worker checks the file and
        // arms the write only once it runs the application, so one discarded before writes nothing.
        AtomicReference<Thread> check = new AtomicReference<>();
        AtGo.run(() -> {
            check.set(checkExecFile(exec, say));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitQuietly(check.get());
                session.writeOnExit();
            }, "respawn-coverage-write"));
        });
        control.register("coverage.dump", argument -> {
            awaitQuietly(check.get());
            return session.write(true);
        });
        control.register("coverage.reset", argument -> session.reset());
    }

    /**
     * Reads the exec file once as the worker starts, on a thread of its own: a file damaged by an
     * earlier crash is set aside now, before this worker appends to it.
     */
    private static Thread checkExecFile(ExecFile exec, Consumer<String> say) {
        Thread check = new Thread(() -> {
            try {
                exec.load().setAside().ifPresent(say);
            } catch (IOException e) {
                say.accept("could not read the coverage file (" + describe(e) + ")");
            }
        }, "respawn-coverage-check");
        check.setDaemon(true);
        check.start();
        return check;
    }

    private static void awaitQuietly(Thread thread) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(CHECK_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        if (e instanceof java.nio.file.FileSystemException) {
            return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
