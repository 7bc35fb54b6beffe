package dev.respawn.reloader.tracking;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one loaded class came from: its class file under a class folder, or the jar that holds
 * it, and its source file when one was found.
 *
 * @param className the binary name, with dots ({@code com.example.Main$1})
 * @param location the class file for a class from a directory, or the jar
 * @param root the class folder for a class from a directory, or the jar
 * @param sourceFile the source file, when it exists on disk
 */
public record ClassOrigin(String className, Path location, Path root, Optional<Path> sourceFile) {

    /** True for a class loaded from a class folder (the project's own build output). */
    public boolean fromDirectory() {
        return !location.equals(root);
    }
}
