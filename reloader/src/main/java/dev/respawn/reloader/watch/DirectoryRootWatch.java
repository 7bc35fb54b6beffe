package dev.respawn.reloader.watch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import org.slf4j.helpers.NOPLogger;

/**
 * Native events for one directory tree, through directory-watcher, that survive the directory
 * being deleted and created again ({@code mvn clean}): directory-watcher stops once its root is
 * gone, so while the root is missing this checks for it every probe interval and registers the
 * new tree when it is back.
 */
final class DirectoryRootWatch implements Closeable {

    private final Path root;
    private final FileChangeListener listener;
    private final Executor loops;
    private final ScheduledExecutorService scheduler;
    private final Duration probeInterval;
    private volatile DirectoryWatcher current;
    private volatile boolean closed;

    DirectoryRootWatch(Path root, FileChangeListener listener, Executor loops,
            ScheduledExecutorService scheduler, Duration probeInterval) {
        this.root = root;
        this.listener = listener;
        this.loops = loops;
        this.scheduler = scheduler;
        this.probeInterval = probeInterval;
    }

    void start() {
        if (Files.isDirectory(root)) {
            register(false);
        } else {
            probeLater();
        }
    }

    private synchronized void register(boolean recreated) {
        if (closed) {
            return;
        }
        DirectoryWatcher watcher;
        try {
            watcher = DirectoryWatcher.builder()
                    .path(root)
                    .listener(this::forward)
                    .fileHashing(false)
                    .logger(NOPLogger.NOP_LOGGER)
                    .watchService(FileSystems.getDefault().newWatchService())
                    .build();
        } catch (IOException e) {
            probeLater();
            return;
        }
        DirectoryWatcher previous = current;
        current = watcher;
        closeQuietly(previous);
        watcher.watchAsync(loops).whenComplete((ignored, failure) -> stopped(watcher));
        if (recreated) {
            listener.onChange(new FileChange(root, FileChange.Kind.CREATED, root));
        }
    }

    private void forward(DirectoryChangeEvent event) {
        FileChange.Kind kind = switch (event.eventType()) {
            case CREATE -> FileChange.Kind.CREATED;
            case MODIFY -> FileChange.Kind.MODIFIED;
            case DELETE -> FileChange.Kind.DELETED;
            case OVERFLOW -> FileChange.Kind.OVERFLOW;
        };
        Path path = event.path() == null ? root : event.path();
        listener.onChange(new FileChange(path, kind, root));
        if (kind == FileChange.Kind.OVERFLOW) {
            // Directories created while events were lost were never registered: register anew.
            scheduler.execute(() -> register(false));
        }
    }

    private void stopped(DirectoryWatcher watcher) {
        if (closed || watcher != current) {
            return;
        }
        // directory-watcher ends when no directory under the root is left to watch.
        listener.onChange(new FileChange(root, FileChange.Kind.DELETED, root));
        probeLater();
    }

    private void probeLater() {
        if (closed) {
            return;
        }
        scheduler.schedule(() -> {
            if (Files.isDirectory(root)) {
                register(true);
            } else {
                probeLater();
            }
        }, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(current);
    }

    private static void closeQuietly(DirectoryWatcher watcher) {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException | RuntimeException e) {
            // Closing only releases the inotify instance; nothing to tell.
        }
    }
}
