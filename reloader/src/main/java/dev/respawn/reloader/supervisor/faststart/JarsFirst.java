package dev.respawn.reloader.supervisor.faststart;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The worker's class path with its jars moved ahead of everything else, as a class-data-sharing
 * archive needs (the JVM archives only from jars, and maps an archive only when the class path
 * it was made with is a prefix of the worker's).
 *
 * <p>Moving a jar ahead of a class folder is safe only when no file in that folder is also in
 * the jar: otherwise the jar's copy of a class or resource would start to win. So the jars are
 * moved only when no name is found in both a folder and a jar that came after it; the jars keep
 * their order among themselves, and so do the other entries.
 */
final class JarsFirst {

    /**
     * A class path taken apart: its jars in order (absolute, wildcards expanded), every other
     * entry as the user wrote it, and the class folders with how many jars came before each.
     */
    record Layout(List<Path> jars, List<String> others, List<Folder> folders, int applicationJars) {

        /** The jars of the application's class path, without respawn.jar. */
        List<Path> ownJars() {
            return jars.subList(0, applicationJars);
        }

        /**
         * The same class path with {@code jar} after its jars (respawn.jar, whose classes a
         * -javaagent otherwise loads from a path the JVM appends, which no archive covers).
         */
        Layout withJar(Path jar) {
            if (jars.contains(jar)) {
                return this;
            }
            List<Path> more = new ArrayList<>(jars);
            more.add(jar);
            return new Layout(List.copyOf(more), others, folders, applicationJars);
        }

        /** The jars, then the other entries. */
        String classPath() {
            List<String> entries = new ArrayList<>();
            jars.forEach(jar -> entries.add(jar.toString()));
            entries.addAll(others);
            return String.join(File.pathSeparator, entries);
        }
    }

    /** A class folder, and the number of jars before it on the class path. */
    record Folder(Path path, int jarsBefore) {
    }

    private JarsFirst() {
    }

    /** Takes {@code classPath} apart without reading any jar; relative entries are relative to {@code directory}. */
    static Layout layout(String classPath, Path directory) {
        List<String> others = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        List<Folder> folders = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator, -1)) {
            List<Path> expanded = expand(entry, directory);
            if (expanded != null) {
                jars.addAll(expanded);
                continue;
            }
            others.add(entry);
            Path folder = directory.resolve(entry.isEmpty() ? "." : entry);
            if (Files.isDirectory(folder)) {
                folders.add(new Folder(folder, jars.size()));
            }
        }
        return new Layout(List.copyOf(jars), List.copyOf(others), List.copyOf(folders), jars.size());
    }

    /**
     * Why the jars cannot go first: the first file of a class folder that a jar after the folder
     * also holds, as one line; empty when moving them changes nothing a class loader finds.
     */
    static Optional<String> shadowing(Layout layout, JarIndex index) {
        for (Folder folder : layout.folders()) {
            if (folder.jarsBefore() == layout.jars().size()) {
                continue;
            }
            try {
                Optional<String> found = shadowed(folder.path(), "", folder.jarsBefore(), index);
                if (found.isPresent()) {
                    String name = found.get();
                    return Optional.of(folder.path() + " and " + layout.jars().get(index.lastJarHolding(name)).getFileName()
                            + " both hold " + name + ", so the jars cannot go first on the class path");
                }
            } catch (IOException e) {
                return Optional.of("cannot read " + folder.path() + " (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * The first file under {@code directory} (named {@code prefix} in the folder) that a jar at or
     * after {@code fromJar} also holds. It runs on every restart, so it looks only into the
     * directories some jar has files under, and asks the file system about a file only when a jar
     * holds its name: an application's own packages cost one directory listing.
     */
    private static Optional<String> shadowed(Path directory, String prefix, int fromJar, JarIndex index)
            throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = prefix + entry.getFileName();
                if (index.lastJarHolding(name) >= fromJar && Files.isRegularFile(entry)) {
                    return Optional.of(name);
                }
                if (index.holdsUnder(name + "/") && Files.isDirectory(entry)) {
                    Optional<String> below = shadowed(entry, name + "/", fromJar, index);
                    if (below.isPresent()) {
                        return below;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The jars an entry stands for (a jar, or {@code dir/*} as the launcher expands it: the
     * directory's jars in the order the directory lists them), or null when it is not a jar.
     */
    private static List<Path> expand(String entry, Path directory) {
        if (entry.equals("*") || entry.endsWith(File.separator + "*") || entry.endsWith("/*")) {
            Path folder = directory.resolve(entry.substring(0, entry.length() - 1)).toAbsolutePath().normalize();
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
                for (Path file : listing) {
                    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(file)) {
                        jars.add(file);
                    }
                }
            } catch (IOException e) {
                // No such folder: the launcher finds nothing there either.
            }
            return jars;
        }
        Path file = directory.resolve(entry).toAbsolutePath().normalize();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !entry.isEmpty() && (name.endsWith(".jar") || name.endsWith(".zip")) && Files.isRegularFile(file)
                ? List.of(file) : null;
    }
}
