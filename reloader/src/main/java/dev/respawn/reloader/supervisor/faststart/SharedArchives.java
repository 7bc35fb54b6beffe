package dev.respawn.reloader.supervisor.faststart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * The class-data-sharing archives in one owner-only folder, one per {@link ArchiveKey}: whether a
 * worker start can use one, or should record the classes it loads so that one can be made; and
 * making it in the background once the recording worker has settled.
 *
 * <p>Files per key: {@code <key>.loaded} (written by the recording worker), {@code <key>.classlist}
 * (what was dumped), {@code <key>.jsa} (the archive), {@code <key>.names} (the jars' {@link JarIndex}),
 * {@code <key>.log} (the dump's output), {@code <key>.failed} (why no archive could be made;
 * delete it to try again). The {@value #KEEP} most recently used archives are kept.
 */
final class SharedArchives implements AutoCloseable {

    static final int KEEP = 4;
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    /** What one worker start does about its archive. */
    sealed interface Plan {
    }

    /** Start with this archive. */
    record Use(Path archive) implements Plan {
    }

    /** Record the loaded classes into this file, from which the archive will be made. */
    record Record(Path classList) implements Plan {
    }

    /** Start without: the archive is being made. */
    record Pending() implements Plan {
    }

    /** Start without: no archive can be made, for this reason. */
    record Failed(String why) implements Plan {
    }

    private enum Stage { RECORDING, DUMPING }

    private final Path directory;
    private final Duration settle;
    private final Consumer<String> say;
    private final Map<ArchiveKey, JarIndex> indexes = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "respawn-class-data-sharing");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<ArchiveKey, Stage> stages = new HashMap<>();
    private final List<ArchiveDump> dumps = new ArrayList<>();
    private boolean closed;

    /**
     * @param directory where the archives live (created owner-only when first needed)
     * @param settle how long the recording worker's class list must stay unchanged before the dump
     * @param say where lines for the terminal go
     */
    SharedArchives(Path directory, Duration settle, Consumer<String> say) {
        this.directory = directory.toAbsolutePath().normalize();
        this.settle = settle;
        this.say = say;
    }

    Path directory() {
        return directory;
    }

    /** What a worker start about to run {@code jars} on {@code jvm} does for its archive. */
    synchronized Plan plan(ArchiveKey key, WorkerJvm jvm, JarsFirst.Layout layout, List<String> dumpOptions) {
        Stage stage = stages.get(key);
        if (stage != null) {
            return new Pending();
        }
        Path archive = file(key, "jsa");
        if (Files.isRegularFile(archive)) {
            ArchivePruning.touch(archive);
            return new Use(archive);
        }
        Path failed = file(key, "failed");
        if (Files.isRegularFile(failed)) {
            return new Failed("making the archive failed before (see " + file(key, "log") + "; delete " + failed
                    + " to try again)");
        }
        if (closed) {
            return new Pending();
        }
        try {
            OwnerOnly.directories(directory);
            Path loaded = file(key, "loaded");
            Files.deleteIfExists(loaded);
            stages.put(key, Stage.RECORDING);
            new SettledFile(new ClassListProgress(loaded)::entries, settle, GIVE_UP, timer, () -> dump(key, jvm, layout, dumpOptions, loaded),
                    () -> forget(key)).start();
            return new Record(loaded);
        } catch (IOException e) {
            return new Failed("cannot write to " + directory + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The index of the jars an archive was made from: kept in memory, else read from beside the
     * archive, else (the file was deleted) made now from the jars.
     */
    JarIndex index(ArchiveKey key, List<Path> jars) {
        return indexes.computeIfAbsent(key, absent -> {
            try {
                return JarIndex.load(file(key, "names"));
            } catch (IOException e) {
                return saveIndex(key, JarIndex.of(jars));
            }
        });
    }

    private JarIndex saveIndex(ArchiveKey key, JarIndex index) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            index.save(bytes);
            OwnerOnly.write(file(key, "names"), bytes.toByteArray());
        } catch (IOException e) {
            // Kept in memory for this supervisor; the next makes it again.
        }
        return index;
    }

    /** Stops a dump in progress; its archive is not made. */
    @Override
    public void close() {
        List<ArchiveDump> running;
        synchronized (this) {
            closed = true;
            timer.shutdownNow();
            running = List.copyOf(dumps);
        }
        // Outside the lock: the dump's completion takes it (dumped), and the waiter of cancel() may
        // be woken only after that completion, so holding it here waited out cancel()'s 5 s.
        running.forEach(ArchiveDump::cancel);
    }

    private synchronized void forget(ArchiveKey key) {
        stages.remove(key);
    }

    private Path file(ArchiveKey key, String extension) {
        return directory.resolve(key.value() + "." + extension);
    }

    // On the timer's thread; the lock is held only to change the stage, never while reading jars.
    private void dump(ArchiveKey key, WorkerJvm jvm, JarsFirst.Layout layout, List<String> dumpOptions, Path loaded) {
        List<Path> jars = layout.jars();
        try {
            JarIndex index = saveIndex(key, JarIndex.of(jars));
            indexes.put(key, index);
            Path classList = file(key, "classlist");
            if (!snapshot(loaded, classList, index, layout)) {
                // The application's own classes never loaded (it failed early): the next start records again.
                forget(key);
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                ArchiveDump dump = ArchiveDump.start(jvm, classList, jars, dumpOptions, file(key, "jsa"), file(key, "log"));
                stages.put(key, Stage.DUMPING);
                dumps.add(dump);
                dump.result().thenAccept(result -> dumped(key, layout.ownJars(), dump, result));
            }
        } catch (IOException e) {
            failed(key, "could not start " + jvm.java() + " -Xshare:dump (" + e.getMessage() + ")");
        }
    }

    private void dumped(ArchiveKey key, List<Path> jars, ArchiveDump dump, ArchiveDump.Result result) {
        synchronized (this) {
            dumps.remove(dump);
            if (closed) {
                return;
            }
            if (!result.made() && result.exitCode() > 128) {
                // Ended by a signal, not by what it was given: Ctrl-C reaches the whole process group,
                // and a test ends the supervisor's tree. Nothing to remember; the next start records again.
                stages.remove(key);
                return;
            }
            if (!result.made()) {
                failed(key, "java -Xshare:dump exited with " + result.exitCode() + " (see " + file(key, "log") + ")");
                return;
            }
            stages.remove(key);
        }
        say.accept(String.format(Locale.ROOT, "class-data sharing: archived the classes the first worker loaded from"
                + " the JDK%s in %.1f s (%s); the next worker starts with it", andJars(jars),
                result.took().toMillis() / 1000.0, file(key, "jsa")));
        ArchivePruning.prune(directory, KEEP);
    }

    /** " and its 2 jars", or nothing when there are none. */
    static String andJars(List<Path> jars) {
        return jars.isEmpty() ? "" : " and its " + jars.size() + " jar" + (jars.size() == 1 ? "" : "s");
    }

    private void failed(ArchiveKey key, String why) {
        synchronized (this) {
            stages.remove(key);
            try {
                OwnerOnly.write(file(key, "failed"), (why + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Then the next supervisor tries again.
            }
        }
        say.accept("class-data sharing: no archive: " + why + "; workers start without one");
    }

    /**
     * Copies the complete lines of the recorded class list (the worker may still be writing) to
     * {@code classList}; false when none of them is a class of the application, from its jars or
     * its class folders.
     */
    private static boolean snapshot(Path loaded, Path classList, JarIndex index, JarsFirst.Layout layout)
            throws IOException {
        List<JarsFirst.Folder> folders = layout.folders();
        byte[] bytes = Files.readAllBytes(loaded);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        boolean any = text.lines().map(line -> line.split(" ", 2)[0] + ".class").anyMatch(name ->
                index.lastJarHolding(name) >= 0 && index.lastJarHolding(name) < layout.ownJars().size()
                        || folders.stream().anyMatch(folder -> Files.isRegularFile(folder.path().resolve(name))));
        if (any) {
            // Lines with a source (classes of each life's loader, of respawn's own loaders) cannot be
            // archived, and a dump fails on one whose superclass or interface it did not load.
            String archivable = text.lines().filter(ClassListProgress::archivable)
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            OwnerOnly.write(classList, archivable.getBytes(StandardCharsets.UTF_8));
        }
        return any;
    }
}
