package dev.respawn.reloader.watch;

/** Told about every change under the watched roots, on a watcher thread. */
@FunctionalInterface
public interface FileChangeListener {

    void onChange(FileChange change);
}
