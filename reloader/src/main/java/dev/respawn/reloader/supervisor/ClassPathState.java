package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a JVM's class path entries are on disk: which exist, as which file (a folder deleted and
 * made again is another), and a jar's size and time. A JVM drops, at its start or its first
 * look, an entry that is missing then, and keeps a jar's directory from when it opened it: a warm
 * JVM fits only a class path still as it was when it started.
 */
record ClassPathState(List<String> entries) {

    private static final List<String> FLAGS = List.of("-cp", "-classpath", "--class-path");

    /** The state of the class path of {@code command} (a {@code java} command line), relative to {@code directory}. */
    static ClassPathState of(List<String> command, Path directory) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i + 1 < command.size(); i++) {
            if (FLAGS.contains(command.get(i))) {
                for (String entry : command.get(i + 1).split(File.pathSeparator)) {
                    entries.add(entry + "=" + describe(directory.resolve(entry)));
                }
            }
        }
        return new ClassPathState(List.copyOf(entries));
    }

    private static String describe(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            // A folder made again may get the same inode back: its time tells it apart.
            return (attributes.isDirectory() ? "dir " : "file " + attributes.size() + " ") + attributes.fileKey() + " "
                    + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return "missing";
        }
    }
}
