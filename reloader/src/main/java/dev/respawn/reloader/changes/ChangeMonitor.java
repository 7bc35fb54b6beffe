package dev.respawn.reloader.changes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import dev.respawn.reloader.builds.RunningBuilds;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.tracking.ClassOrigin;
import dev.respawn.reloader.tracking.SourceLocator;
import dev.respawn.reloader.tracking.TrackingListener;
import dev.respawn.reloader.watch.FileChange;
import dev.respawn.reloader.watch.FileWatcher;

/**
 * Decides when the application must reload: watches what the tracker reports, gathers a burst
 * of changes over the quiet period, holds it while a build has class files missing or a build of
 * the project is running, and then hands the batch to the reload action once. The supervisor's
 * action restarts the worker; the agent alone ends the JVM.
 *
 * <p>Everything runs on the given single-threaded executor.
 */
public final class ChangeMonitor implements TrackingListener, AutoCloseable {

    /** How long to hold a reload while class files of a build are missing, before going ahead. */
    static final Duration INCOMPLETE_TREE_PATIENCE = Duration.ofSeconds(30);

    /**
     * How long to hold a burst whose class files use members that a class file of the folder has
     * not yet (a compiler's pause between a source's nested and top-level classes, on a busy machine).
     */
    static final Duration UNWRITTEN_PATIENCE = Duration.ofSeconds(3);

    private final ScheduledExecutorService executor;
    private final Consumer<List<Path>> reload;
    private final Consumer<String> say;
    private final TrackedFiles tracked;
    private final SourceLocator sources;
    private final FileWatcher watcher;
    private final QuietPeriod quietPeriod;
    private final ResourceDigests resources;
    private final BuildWait builds;
    private long incompleteSinceNanos;
    private long unwrittenSinceNanos;
    private long lastChangeNanos;
    private boolean sourceHintGiven;

    /**
     * @param executor the one thread every decision runs on
     * @param reload given the changed paths of a settled, complete burst
     * @param say tells the user something, one line
     */
    public ChangeMonitor(Options options, ScheduledExecutorService executor, Consumer<List<Path>> reload,
            Consumer<String> say) {
        this.executor = executor;
        this.reload = reload;
        this.say = say;
        Excludes excludes = new Excludes(options.excludes());
        this.tracked = new TrackedFiles(excludes);
        this.resources = new ResourceDigests(excludes);
        this.sources = new SourceLocator(options.sourcePath());
        this.sourceHintGiven = options.hostCompilesSources() || options.compileOnSave();
        this.quietPeriod = new QuietPeriod(executor, options.quietPeriod(), Duration.ofMillis(500), this::settled);
        this.builds = new BuildWait(RunningBuilds::building, say, this::buildEnded);
        this.watcher = FileWatcher.builder()
                .listener(change -> executor.execute(() -> changed(change)))
                .notices(say)
                .poll(options.poll())
                .build();
        for (Path path : options.watch()) {
            tracked.addWatched(path);
            watcher.watchDirectory(path);
        }
    }

    @Override
    public void root(Path root, boolean directory) {
        if (directory) {
            if (tracked.addClassRoot(root)) {
                executor.execute(() -> resources.addRoot(root));
                watcher.watchDirectory(root);
                for (Path sourceRoot : sources.candidateRoots(root)) {
                    if (Files.isDirectory(sourceRoot) && tracked.addSourceRoot(sourceRoot)) {
                        watcher.watchDirectory(sourceRoot);
                    }
                }
            }
        } else if (tracked.addJar(root)) {
            watcher.watchFile(root);
        }
    }

    @Override
    public void loaded(ClassOrigin origin) {
        tracked.addClass(origin);
    }

    private void changed(FileChange change) {
        switch (tracked.classify(change)) {
            case CLASS, JAR, WATCHED -> {
                lastChangeNanos = System.nanoTime();
                builds.changed(tracked.folders());
                quietPeriod.changed(change.path());
            }
            case SOURCE -> {
                if (!sourceHintGiven) {
                    sourceHintGiven = true;
                    say.accept(change.path().getFileName() + " changed; respawn reloads when its class files"
                            + " change (compile it, or add --compile-on-save, or use mvn respawn:run)");
                }
            }
            case IGNORED -> {
            }
        }
    }

    private boolean settled(List<Path> changed) {
        List<Path> missing = new java.util.ArrayList<>(tracked.missingClassFiles());
        missing.addAll(TrackedFiles.halfWritten(changed));
        if (!missing.isEmpty()) {
            long now = System.nanoTime();
            if (incompleteSinceNanos == 0) {
                incompleteSinceNanos = now;
                say.accept("waiting for " + missing.size() + " class file" + (missing.size() == 1 ? "" : "s")
                        + " to be written again (" + missing.get(0) + (missing.size() > 1 ? ", ..." : "") + ")");
            }
            if (now - incompleteSinceNanos < INCOMPLETE_TREE_PATIENCE.toNanos()) {
                return false;
            }
            say.accept("still missing " + missing.size() + " class files after "
                    + INCOMPLETE_TREE_PATIENCE.toSeconds() + " s; reloading anyway");
        }
        incompleteSinceNanos = 0;
        if (!tracked.notYetWritten(changed).isEmpty()) {
            long now = System.nanoTime();
            if (unwrittenSinceNanos == 0) {
                unwrittenSinceNanos = now;
            }
            if (now - unwrittenSinceNanos < UNWRITTEN_PATIENCE.toNanos()) {
                return false;
            }
        }
        unwrittenSinceNanos = 0;
        List<Path> differing = resources.differing(changed);
        // Only a burst that would reload looks for a build (a scan of the processes) to wait for.
        if (!differing.isEmpty() && builds.holds(tracked.folders(), lastChangeNanos, System.nanoTime())) {
            return false;
        }
        if (!differing.isEmpty()) {
            // Resources copied again with the bytes the application has reload nothing.
            resources.reloaded(differing);
            reload.accept(differing);
        }
        builds.settled();
        return true;
    }

    private void buildEnded() {
        try {
            executor.execute(quietPeriod::again);
        } catch (RejectedExecutionException closed) {
            // Stopped meanwhile: nothing to reload.
        }
    }

    @Override
    public void close() {
        watcher.close();
    }

    /** "Greeting.class", "A.class and B.class", "A.class, B.class, C.class and 4 more". */
    public static String describe(List<Path> changed) {
        List<String> names = changed.stream()
                .map(path -> path.getFileName() == null ? path.toString() : path.getFileName().toString())
                .distinct().toList();
        if (names.isEmpty()) {
            return "nothing";
        }
        if (names.size() <= 3) {
            return names.size() == 1 ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
        return String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
}
