package dev.respawn.reloader.compile;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.respawn.reloader.watch.FileChange;
import dev.respawn.reloader.watch.FileWatcher;

/**
 * Keeps class folders in step with their sources while the application runs: a saved {@code .java}
 * is compiled into its class folder, a deleted one takes its classes with it, and a resource is
 * copied over. Whatever reloads then sees the class files change, as after a build.
 */
public final class SourceSync implements Closeable {

    /** Editors save in bursts (temporary file, rename, touch); one compile for the burst. */
    private static final long SETTLE_MS = 30;
    /** Enough of the application's sources to warm javac up on, few enough to cost little. */
    private static final int WARM_UP_SOURCES = 4;
    /** javac's first compiles run interpreted; after a few the JIT has compiled its hot code. */
    private static final int WARM_UP_ROUNDS = 5;
    private static final long WARM_UP_DELAY_MS = 1000;
    /** With {@code -Drespawn.trace=true}: when each compile ran, to tell it from the reload after it. */
    private static final boolean TRACE = Boolean.getBoolean("respawn.trace");

    /** Where a source root's classes go, and javac's options for them (made when needed). */
    private record Target(Path output, Supplier<List<String>> options) {
    }

    private final SourceCompiler compiler;
    private final PrintStream err;
    private final Map<Path, Target> sourceRoots = new ConcurrentHashMap<>();
    private final Map<Path, Path> resourceRoots = new ConcurrentHashMap<>();
    private final FileWatcher watcher;
    private final ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "respawn-source-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<FileChange> pending = new LinkedHashSet<>();
    private ScheduledFuture<?> flush;

    public SourceSync(SourceCompiler compiler, boolean poll, PrintStream err) {
        if (compiler == null || err == null) {
            throw new IllegalArgumentException("'compiler' and 'err' must not be null");
        }
        this.compiler = compiler;
        this.err = err;
        this.watcher = FileWatcher.builder()
                .poll(poll)
                .listener(this::changed)
                .notices(notice -> err.println("respawn: " + notice))
                .build();
    }

    /**
     * Compiles the sources saved under {@code root} into {@code output} from now on.
     *
     * @param options javac's options but {@code -d}, asked for at each compile
     * @return false when the root was already synced (to this or another class folder)
     */
    public boolean sources(Path root, Path output, Supplier<List<String>> options) {
        if (sourceRoots.putIfAbsent(root, new Target(output, options)) != null) {
            return false;
        }
        watcher.watchDirectory(root);
        return true;
    }

    /** How a build tool copies all resources (Maven's filtering, say), used instead of a raw copy of the saved file. */
    @FunctionalInterface
    public interface ResourceCopy {
        void copyAll() throws Exception;
    }

    private volatile ResourceCopy resourceCopy;

    /** From now on a saved resource is copied by {@code copy}, as the build would copy it. */
    public void resourceCopy(ResourceCopy copy) {
        this.resourceCopy = copy;
    }

    /** Copies the files saved under {@code root} to {@code target} from now on. */
    public void resources(Path root, Path target) {
        if (resourceRoots.putIfAbsent(root, target) == null) {
            watcher.watchDirectory(root);
        }
    }

    /**
     * Loads javac now, off the caller's thread, rather than on the first save: with the options of
     * the first source root, on a few of its own sources.
     */
    public void warmUp() {
        // After a moment: the application's own start needs the CPU first.
        sourceRoots.entrySet().stream().findFirst().ifPresent(root -> sync.schedule(
                () -> warmUp(root.getValue(), samples(root.getKey()), WARM_UP_ROUNDS),
                WARM_UP_DELAY_MS, TimeUnit.MILLISECONDS));
    }

    /** One round at a time, and none once a save is waiting: a save never waits for more than one. */
    private void warmUp(Target target, List<Path> samples, int rounds) {
        synchronized (pending) {
            if (!pending.isEmpty()) {
                return;
            }
        }
        compiler.warmUp(target.options().get(), samples);
        if (rounds > 1) {
            sync.execute(() -> warmUp(target, samples, rounds - 1));
        }
    }

    private static List<Path> samples(Path root) {
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file))
                    .limit(WARM_UP_SOURCES).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private void changed(FileChange change) {
        if (change.kind() == FileChange.Kind.OVERFLOW || Files.isDirectory(change.path())) {
            return;
        }
        synchronized (pending) {
            pending.add(new FileChange(change.path(), change.kind() == FileChange.Kind.DELETED
                    ? FileChange.Kind.DELETED : FileChange.Kind.MODIFIED, change.root()));
            if (flush != null) {
                flush.cancel(false);
            }
            flush = sync.schedule(this::flush, SETTLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void flush() {
        Set<FileChange> changes;
        synchronized (pending) {
            changes = new LinkedHashSet<>(pending);
            pending.clear();
        }
        Map<Target, Set<SourceFile>> compile = new LinkedHashMap<>();
        boolean copyResources = false;
        for (FileChange change : changes) {
            try {
                copyResources |= apply(change, compile);
            } catch (IOException | RuntimeException e) {
                err.println("respawn: could not bring " + change.path() + " to the class folder: " + e.getMessage());
            }
        }
        if (copyResources) {
            try {
                resourceCopy.copyAll();
            } catch (Exception e) {
                err.println("respawn: could not copy the resources as the build would: " + e.getMessage());
            }
        }
        compile.forEach((target, sources) -> {
            long began = System.nanoTime();
            long beganEpochMillis = System.currentTimeMillis();
            long beganCpu = TRACE ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
            boolean compiled = compiler.compile(sources, target.output(), target.options().get());
            if (TRACE) {
                long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - beganCpu;
                err.println("respawn: trace: compile began at epoch " + beganEpochMillis + " ms, "
                        + (compiled ? "compiled" : "failed") + " +" + (System.nanoTime() - began) / 1_000_000
                        + " ms (" + cpu / 1_000_000 + " ms of CPU)");
            }
        });
    }

    /** Compiles, deletes or copies for one change; true when the build's resource copy is to run. */
    private boolean apply(FileChange change, Map<Target, Set<SourceFile>> compile) throws IOException {
        Path path = change.path();
        if (path.startsWith(compiler.scratch())) {
            return false; // --source-path . holds the debug directory, and the warm-up's source in it.
        }
        boolean gone = !Files.exists(path);
        Target target = sourceRoots.get(change.root());
        if (target != null) {
            if (!path.getFileName().toString().endsWith(".java")) {
                return false;
            }
            SourceFile source = new SourceFile(change.root(), path);
            if (gone) {
                source.deleteClasses(target.output());
            } else {
                compile.computeIfAbsent(target, key -> new LinkedHashSet<>()).add(source);
            }
            return false;
        }
        Path resources = resourceRoots.get(change.root());
        if (resources == null) {
            return false;
        }
        Path copy = resources.resolve(change.root().relativize(path).toString());
        if (gone) {
            SourceCompiler.deleteTree(copy); // A deleted folder arrives as one event.
        } else if (resourceCopy != null) {
            return true;
        } else {
            Files.createDirectories(copy.getParent());
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        return false;
    }

    @Override
    public void close() {
        watcher.close();
        sync.shutdownNow();
        compiler.close();
    }
}
