package dev.respawn.reloader.supervisor.faststart;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

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

    private final JarNames jarNames;

    JarsFirst(JarNames jarNames) {
        this.jarNames = jarNames;
    }

    /** Either the jars to archive and the class path that puts them first, or why the order must stay. */
    sealed interface Arrangement {
    }

    /**
     * @param jars the class path's jars, in their order, as absolute paths
     * @param classPath the jars, then the other entries as the user wrote them
     */
    record Moved(List<Path> jars, String classPath) implements Arrangement {
    }

    /** @param why what a user would need to change for the jars to go first */
    record Kept(String why) implements Arrangement {
    }

    /** Arranges {@code classPath}, whose relative entries are relative to {@code directory}. */
    Arrangement arrange(String classPath, Path directory) {
        List<String> others = new ArrayList<>();
        List<Path> jars = new ArrayList<>();
        List<Path> unread = new ArrayList<>();
        Map<String, Path> inFolders = new HashMap<>();
        for (String entry : classPath.split(File.pathSeparator, -1)) {
            List<Path> expanded = expand(entry, directory);
            if (expanded == null) {
                others.add(entry);
                Path folder = directory.resolve(entry.isEmpty() ? "." : entry);
                if (Files.isDirectory(folder)) {
                    unread.add(folder);
                }
                continue;
            }
            // A folder's files are read only once a jar comes after it: only then can one be shadowed.
            unread.forEach(folder -> names(folder).forEach(name -> inFolders.putIfAbsent(name, folder)));
            unread.clear();
            for (Path jar : expanded) {
                Optional<String> clash = inFolders.isEmpty() ? Optional.empty() : clash(jar, inFolders);
                if (clash.isPresent()) {
                    return new Kept(clash.get());
                }
                jars.add(jar);
            }
        }
        if (jars.isEmpty()) {
            return new Kept("no jar on the class path");
        }
        List<String> entries = new ArrayList<>();
        jars.forEach(jar -> entries.add(jar.toString()));
        entries.addAll(others);
        return new Moved(List.copyOf(jars), String.join(File.pathSeparator, entries));
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
                    if (isJarName(file) && Files.isRegularFile(file)) {
                        jars.add(file);
                    }
                }
            } catch (IOException e) {
                // No such folder: the launcher finds nothing there either.
            }
            return jars;
        }
        Path file = directory.resolve(entry).toAbsolutePath().normalize();
        return !entry.isEmpty() && isArchiveName(file) && Files.isRegularFile(file) ? List.of(file) : null;
    }

    /** The first name in {@code jar} also in a folder before it, as one line. */
    private Optional<String> clash(Path jar, Map<String, Path> inFolders) {
        for (String name : jarNames.of(jar)) {
            Path folder = inFolders.get(name);
            if (folder != null) {
                return Optional.of(folder + " and " + jar.getFileName() + " both hold " + name
                        + ", so the jars cannot go first on the class path");
            }
        }
        return Optional.empty();
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace(File.separatorChar, '/'))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static boolean isJarName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    private static boolean isArchiveName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }
}
