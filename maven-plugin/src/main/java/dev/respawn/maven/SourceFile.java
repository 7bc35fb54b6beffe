package dev.respawn.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Java source under its source root, which gives its package: {@code root/a/b/Foo.java} compiles
 * to {@code a/b/Foo.class} and {@code a/b/Foo$*.class}.
 */
record SourceFile(Path root, Path path) {

    /** Deletes the class files this source compiled to in {@code output}. */
    void deleteClasses(Path output) throws IOException {
        Path relative = root.relativize(path);
        String name = relative.getFileName().toString();
        String type = name.substring(0, name.length() - ".java".length());
        Path directory = relative.getParent() == null ? output : output.resolve(relative.getParent().toString());
        if (!Files.isDirectory(directory)) {
            return;
        }
        Files.deleteIfExists(directory.resolve(type + ".class"));
        try (DirectoryStream<Path> nested = Files.newDirectoryStream(directory, type + "$*.class")) {
            for (Path file : nested) {
                Files.deleteIfExists(file);
            }
        }
    }
}
