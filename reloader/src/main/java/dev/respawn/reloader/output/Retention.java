package dev.respawn.reloader.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the files of the last N lives of the application in an output directory ({@code --keep-lives}):
 * a life's files share a {@link OwnerOnly#lifeStem} ({@code 20261124-193000-4242.har}, or the
 * {@code .html} and {@code .jfr} pair of a profile). Only files with such a stem and one of the
 * given suffixes are ever deleted: anything else in the directory is not respawn's to delete.
 */
public final class Retention {

    /** {@code <yyyyMMdd-HHmmss>[-<n>]-<pid>}, as {@link OwnerOnly#lifeStem} writes it. */
    private static final Pattern STEM = Pattern.compile("(\\d{8}-\\d{6})(?:-(\\d+))?-(\\d+)");

    private Retention() {
    }

    /**
     * Deletes the files of all but the newest {@code keep} lives; returns how many files it deleted.
     *
     * @param suffixes the suffixes of a life's files, with their dots ({@code .html}, {@code .jfr})
     */
    public static int prune(Path directory, int keep, List<String> suffixes) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("'keep' must be 1 or more, not " + keep);
        }
        Map<Life, List<Path>> lives = new TreeMap<>(Comparator.comparing(Life::time)
                .thenComparingInt(Life::n).thenComparingLong(Life::pid));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                for (String suffix : suffixes) {
                    if (name.endsWith(suffix) && Files.isRegularFile(file)) {
                        Matcher stem = STEM.matcher(name.substring(0, name.length() - suffix.length()));
                        if (stem.matches()) {
                            Life life = new Life(stem.group(1), stem.group(2) == null ? 1 : Integer.parseInt(stem.group(2)),
                                    Long.parseLong(stem.group(3)));
                            lives.computeIfAbsent(life, l -> new ArrayList<>()).add(file);
                        }
                    }
                }
            }
        }
        int deleted = 0;
        int older = lives.size() - keep;
        for (List<Path> files : lives.values()) {
            if (older-- <= 0) {
                break;
            }
            for (Path file : files) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private record Life(String time, int n, long pid) {
    }
}
