package dev.respawn.reloader.watch;

import java.nio.file.Path;

/**
 * One change seen under a watched root.
 *
 * @param path the file or directory that changed (for {@link Kind#OVERFLOW}, the root)
 * @param kind what happened to it
 * @param root the watched root it was seen under
 */
public record FileChange(Path path, Kind kind, Path root) {

    /** What happened. */
    public enum Kind {
        CREATED, MODIFIED, DELETED,
        /** Events were lost (the kernel's queue overflowed); anything under the root may have changed. */
        OVERFLOW
    }
}
