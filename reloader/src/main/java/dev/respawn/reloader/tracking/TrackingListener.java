package dev.respawn.reloader.tracking;

import java.nio.file.Path;

/** Receives what the tracker learns about loaded classes, off the class-loading path. */
public interface TrackingListener {

    /** A class folder or jar that classes are loaded from, told once before its first class. */
    void root(Path root, boolean directory);

    /** A class loaded from a class folder, with its source file when found. */
    void loaded(ClassOrigin origin);
}
