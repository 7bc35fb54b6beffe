package dev.respawn.reloader.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds changes by comparing modification times and sizes at an interval, for file systems that
 * deliver no events and for {@code --poll}. Nothing is hashed: a scan is one stat per file.
 */
final class PollingWatch implements Closeable {

    private final FileChangeListener listener;
    private final Map<Path, Map<Path, Stamp>> snapshots = new ConcurrentHashMap<>();
    private final ScheduledFuture<?> task;

    PollingWatch(FileChangeListener listener, ScheduledExecutorService scheduler, Duration interval) {
        this.listener = listener;
        long millis = Math.max(1, interval.toMillis());
        this.task = scheduler.scheduleWithFixedDelay(this::scanAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    void add(Path root) {
        snapshots.computeIfAbsent(root, PollingWatch::snapshot);
    }

    void scanAll() {
        snapshots.replaceAll((root, before) -> {
            Map<Path, Stamp> after = snapshot(root);
            diff(root, before, after);
            return after;
        });
    }

    private void diff(Path root, Map<Path, Stamp> before, Map<Path, Stamp> after) {
        after.forEach((path, stamp) -> {
            Stamp old = before.get(path);
            if (old == null) {
                listener.onChange(new FileChange(path, FileChange.Kind.CREATED, root));
            } else if (!old.equals(stamp)) {
                listener.onChange(new FileChange(path, FileChange.Kind.MODIFIED, root));
            }
        });
        before.keySet().stream().filter(path -> !after.containsKey(path))
                .forEach(path -> listener.onChange(new FileChange(path, FileChange.Kind.DELETED, root)));
    }

    static Map<Path, Stamp> snapshot(Path root) {
        Map<Path, Stamp> files = new HashMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.put(file, new Stamp(attributes.lastModifiedTime(), attributes.size()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A tree that vanished while walking is seen as far as it was walked.
        }
        return files;
    }

    @Override
    public void close() {
        task.cancel(false);
    }

    record Stamp(FileTime modified, long size) {
    }
}
