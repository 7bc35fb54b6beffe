package dev.respawn.maven;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import dev.respawn.reloader.watch.FileChange;
import dev.respawn.reloader.watch.FileWatcher;

/**
 * Keeps the output directory in step with the sources while the worker runs: a saved {@code .java}
 * is compiled into it, a deleted one takes its classes with it, and the resources are copied as
 * {@code mvn process-resources} copies them ({@link MavenResources}). The reloader then sees the
 * class files and resources change, as after a build.
 */
final class SourceSync implements Closeable {

    /** Editors save in bursts (temporary file, rename, touch); one compile for the burst. */
    private static final long SETTLE_MS = 30;

    private final List<Path> sourceRoots;
    private final Map<Path, Path> resourceRoots;
    private final MavenResources resources;
    private final Path output;
    private final SourceCompiler compiler;
    private final PrintStream err;
    private final ScheduledExecutorService sync = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "respawn-source-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<FileChange> pending = new LinkedHashSet<>();
    private FileWatcher watcher;
    private ScheduledFuture<?> flush;

    /**
     * @param resourceRoots each resource directory and where its files go in the output directory
     */
    SourceSync(List<Path> sourceRoots, Map<Path, Path> resourceRoots, MavenResources resources, Path output,
            SourceCompiler compiler, PrintStream err) {
        this.sourceRoots = List.copyOf(sourceRoots);
        this.resourceRoots = Map.copyOf(resourceRoots);
        this.resources = resources;
        this.output = output;
        this.compiler = compiler;
        this.err = err;
    }

    void start(boolean poll) {
        watcher = FileWatcher.builder()
                .poll(poll)
                .listener(this::changed)
                .notices(notice -> err.println("respawn: " + notice))
                .build();
        sourceRoots.forEach(watcher::watchDirectory);
        resourceRoots.keySet().forEach(watcher::watchDirectory);
        // The first compile in a JVM loads javac; do it now rather than on the first save.
        sync.execute(compiler::warmUp);
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
        Set<SourceFile> compile = new LinkedHashSet<>();
        boolean copyResources = false;
        for (FileChange change : changes) {
            try {
                copyResources |= apply(change, compile);
            } catch (IOException | RuntimeException e) {
                err.println("respawn: could not bring " + change.path() + " to the output directory: " + e.getMessage());
            }
        }
        if (copyResources) {
            try {
                resources.copy();
            } catch (Exception e) {
                err.println("respawn: could not copy the resources as process-resources would: " + e.getMessage());
            }
        }
        if (!compile.isEmpty()) {
            compiler.compile(compile);
        }
    }

    /** Compiles or deletes for a source; for a resource, deletes its copies or says the resources need copying. */
    private boolean apply(FileChange change, Set<SourceFile> compile) throws IOException {
        Path path = change.path();
        boolean gone = !Files.exists(path);
        if (sourceRoots.contains(change.root())) {
            if (!path.getFileName().toString().endsWith(".java")) {
                return false;
            }
            SourceFile source = new SourceFile(change.root(), path);
            if (gone) {
                source.deleteClasses(output);
            } else {
                compile.add(source);
            }
            return false;
        }
        Path target = resourceRoots.get(change.root());
        if (target == null) {
            return false;
        }
        if (gone) {
            // A deleted folder arrives as one event.
            SourceCompiler.deleteTree(target.resolve(change.root().relativize(path).toString()));
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        sync.shutdownNow();
    }
}
