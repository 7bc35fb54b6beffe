package dev.respawn.reloader.watch;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Watches directory trees and single files for changes: native events where the kernel delivers
 * them (inotify on Linux, through directory-watcher), polling where it does not or when asked.
 * Roots may be added at any time and may not exist yet; a root deleted and created again is
 * watched again.
 */
public final class FileWatcher implements Closeable {

    private final FileChangeListener listener;
    private final Consumer<String> notices;
    private final boolean poll;
    private final Duration pollInterval;
    private final Duration probeInterval;
    private final ExecutorService loops = Executors.newCachedThreadPool(daemon("respawn-watch"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemon("respawn-watch-timer"));
    private final Set<Path> roots = ConcurrentHashMap.newKeySet();
    private final Set<DirectoryRootWatch> directoryWatches = ConcurrentHashMap.newKeySet();
    private volatile FileRootsWatch fileWatch;
    private volatile PollingWatch pollingWatch;

    private FileWatcher(Builder builder) {
        this.listener = builder.listener;
        this.notices = builder.notices;
        this.poll = builder.poll;
        this.pollInterval = builder.pollInterval;
        this.probeInterval = builder.probeInterval;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Watches the tree under {@code directory}; a second call for the same root does nothing. */
    public void watchDirectory(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        if (!roots.add(root)) {
            return;
        }
        if (usePolling(root)) {
            poller().add(root);
            return;
        }
        DirectoryRootWatch watch = new DirectoryRootWatch(root, listener, loops, scheduler, probeInterval);
        directoryWatches.add(watch);
        watch.start();
    }

    /** Watches one file (a jar), not the rest of its directory. */
    public void watchFile(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!roots.add(path)) {
            return;
        }
        if (usePolling(path) || !files().add(path)) {
            poller().add(path);
        }
    }

    private boolean usePolling(Path root) {
        if (poll) {
            return true;
        }
        Optional<String> silent = NativeEvents.silentFileSystem(root);
        silent.ifPresent(type -> notices.accept(root + " is on " + type
                + ", which delivers no file events; polling it every " + pollInterval.toMillis() + " ms"));
        return silent.isPresent();
    }

    private synchronized PollingWatch poller() {
        if (pollingWatch == null) {
            pollingWatch = new PollingWatch(listener, scheduler, pollInterval);
        }
        return pollingWatch;
    }

    private synchronized FileRootsWatch files() {
        if (fileWatch == null) {
            try {
                fileWatch = new FileRootsWatch(listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fileWatch;
    }

    @Override
    public void close() {
        directoryWatches.forEach(DirectoryRootWatch::close);
        if (fileWatch != null) {
            fileWatch.close();
        }
        if (pollingWatch != null) {
            pollingWatch.close();
        }
        scheduler.shutdownNow();
        loops.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures a {@link FileWatcher}. */
    public static final class Builder {
        private FileChangeListener listener;
        private Consumer<String> notices = message -> { };
        private boolean poll;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Duration probeInterval = Duration.ofMillis(50);

        private Builder() {
        }

        public Builder listener(FileChangeListener listener) {
            this.listener = listener;
            return this;
        }

        /** Where to say things the user should know (a root that needs polling). */
        public Builder notices(Consumer<String> notices) {
            this.notices = notices;
            return this;
        }

        public Builder poll(boolean poll) {
            this.poll = poll;
            return this;
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** How often to look for a missing root to come back. */
        public Builder probeInterval(Duration probeInterval) {
            this.probeInterval = probeInterval;
            return this;
        }

        public FileWatcher build() {
            if (listener == null) {
                throw new IllegalArgumentException("'listener' must not be null");
            }
            if (notices == null || pollInterval == null || probeInterval == null) {
                throw new IllegalArgumentException("'notices', 'pollInterval' and 'probeInterval' must not be null");
            }
            return new FileWatcher(this);
        }
    }
}
