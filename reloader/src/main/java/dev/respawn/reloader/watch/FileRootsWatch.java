package dev.respawn.reloader.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Native events for single files (jars), by watching their directories without descending into
 * them: a jar's folder may be a whole project, and only the jar matters.
 */
final class FileRootsWatch implements Closeable {

    private final FileChangeListener listener;
    private final WatchService service;
    private final Map<Path, Set<Path>> filesByDirectory = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();

    FileRootsWatch(FileChangeListener listener) throws IOException {
        this.listener = listener;
        this.service = FileSystems.getDefault().newWatchService();
        Thread loop = new Thread(this::run, "respawn-watch-files");
        loop.setDaemon(true);
        loop.start();
    }

    /** Watches {@code file}; false when its directory cannot be watched. */
    boolean add(Path file) {
        Path directory = file.getParent();
        Set<Path> files = filesByDirectory.computeIfAbsent(directory, d -> ConcurrentHashMap.newKeySet());
        if (!files.add(file.getFileName())) {
            return true;
        }
        if (files.size() > 1) {
            return true;
        }
        try {
            directories.put(directory.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), directory);
            return true;
        } catch (IOException | ClosedWatchServiceException e) {
            files.remove(file.getFileName());
            return false;
        }
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = service.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            Path directory = directories.get(key);
            Set<Path> files = directory == null ? Set.of() : filesByDirectory.getOrDefault(directory, Set.of());
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    files.forEach(name -> emit(directory.resolve(name), FileChange.Kind.OVERFLOW));
                } else if (event.context() instanceof Path name && files.contains(name)) {
                    emit(directory.resolve(name), event.kind() == ENTRY_CREATE ? FileChange.Kind.CREATED
                            : event.kind() == ENTRY_DELETE ? FileChange.Kind.DELETED : FileChange.Kind.MODIFIED);
                }
            }
            if (!key.reset()) {
                directories.remove(key);
            }
        }
    }

    private void emit(Path file, FileChange.Kind kind) {
        listener.onChange(new FileChange(file, kind, file));
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
