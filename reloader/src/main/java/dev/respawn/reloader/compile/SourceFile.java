package dev.respawn.reloader.compile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java source under its source root, which gives its package: {@code root/a/b/Foo.java} compiles
 * to {@code a/b/Foo.class} and {@code a/b/Foo$*.class}.
 */
public record SourceFile(Path root, Path path) {

    public SourceFile {
        if (root == null || path == null) {
            throw new IllegalArgumentException("'root' and 'path' must not be null");
        }
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("'path' " + path + " is not under 'root' " + root);
        }
    }

    /** The class files this source compiled to in {@code output}, as they are there now. */
    List<Path> classesIn(Path output) throws IOException {
        Path directory = directoryIn(output);
        List<Path> classes = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return classes;
        }
        Path top = directory.resolve(typeName() + ".class");
        if (Files.exists(top)) {
            classes.add(top);
        }
        try (DirectoryStream<Path> nested = Files.newDirectoryStream(directory, typeName() + "$*.class")) {
            nested.forEach(classes::add);
        }
        return classes;
    }

    /** The class file of the top-level type in {@code output}, whether it exists or not. */
    Path classFileIn(Path output) {
        return directoryIn(output).resolve(typeName() + ".class");
    }

    /** Deletes the class files this source compiled to in {@code output}. */
    public void deleteClasses(Path output) throws IOException {
        for (Path file : classesIn(output)) {
            Files.deleteIfExists(file);
        }
    }

    private Path directoryIn(Path output) {
        Path parent = root.relativize(path).getParent();
        return parent == null ? output : output.resolve(parent.toString());
    }

    private String typeName() {
        String name = path.getFileName().toString();
        return name.endsWith(".java") ? name.substring(0, name.length() - ".java".length()) : name;
    }
}
