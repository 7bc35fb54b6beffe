package dev.respawn.coverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * What the agent recorded for the report in {@code classes.txt}: the folders and jars its
 * classes came from, the user's {@code --source-path}, and the include/exclude patterns. One
 * {@code key<TAB>value} a line, so a user can read (and fix) it.
 *
 * @param classRoots class folders and jars, absolute
 * @param sourcePath source folders given with {@code --source-path}, absolute
 * @param patterns the patterns the agent selected classes with
 */
public record RecordedClasses(Set<Path> classRoots, List<Path> sourcePath, ClassPatterns patterns) {

    public RecordedClasses {
        classRoots = Set.copyOf(new LinkedHashSet<>(classRoots));
        sourcePath = List.copyOf(sourcePath);
    }

    static RecordedClasses none() {
        return new RecordedClasses(Set.of(), List.of(), new ClassPatterns(Optional.empty(), Optional.empty()));
    }

    /** The roots of both, and this one's source path and patterns (the newer). */
    RecordedClasses mergedWith(RecordedClasses older) {
        Set<Path> roots = new LinkedHashSet<>(older.classRoots);
        roots.addAll(classRoots);
        return new RecordedClasses(roots, sourcePath, patterns);
    }

    static RecordedClasses read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return none();
        }
        Set<Path> roots = new LinkedHashSet<>();
        List<Path> sources = new ArrayList<>();
        Optional<String> includes = Optional.empty();
        Optional<String> excludes = Optional.empty();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String value = line.substring(tab + 1);
            switch (line.substring(0, tab)) {
                case "classes" -> roots.add(Path.of(value));
                case "sources" -> sources.add(Path.of(value));
                case "includes" -> includes = Optional.of(value);
                case "excludes" -> excludes = Optional.of(value);
                default -> {
                    // A key from a newer respawn: not ours to understand.
                }
            }
        }
        return new RecordedClasses(roots, sources, new ClassPatterns(includes, excludes));
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        classRoots.stream().sorted().forEach(root -> text.append("classes\t").append(root).append('\n'));
        sourcePath.forEach(source -> text.append("sources\t").append(source).append('\n'));
        patterns.includes().ifPresent(p -> text.append("includes\t").append(p).append('\n'));
        patterns.excludes().ifPresent(p -> text.append("excludes\t").append(p).append('\n'));
        OwnerOnly.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
