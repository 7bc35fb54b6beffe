import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a run's report into BENCHMARKS.md between markers of its own, leaving the rest of the file
 * as it is: the sections that other scripts' runs (bench/front.sh, bench/recorder.sh, ...) and
 * people wrote live in the same file, and a run used to write the whole file over them.
 *
 * <p>A full {@code bench/run} owns the block {@code <!-- bench/run: begin -->} ...
 * {@code <!-- bench/run: end -->}; a run of some sections ({@code --only=startup}) owns a block of
 * its own, {@code <!-- bench/run --only=startup: begin -->}, so that it replaces neither the full
 * run's table nor another selection's. A block found is replaced where it stands; a new one goes
 * after the last block of bench/run's, or, the first time, after the file's title.
 */
final class BenchmarksFile {

    private static final String TITLE = "# Benchmarks\n";
    private static final Pattern ANY_END = Pattern.compile("<!-- bench/run[^\n>]*: end -->");

    private BenchmarksFile() {
    }

    /** Writes {@code block} as the block named {@code name} (e.g. {@code bench/run}) of {@code file}. */
    static void write(Path file, String name, String block) throws IOException {
        String existing = Files.exists(file) ? Files.readString(file) : "";
        Files.writeString(file, merge(existing, name, block));
    }

    /** {@code existing} with the block named {@code name} replaced by {@code block}, or added. */
    static String merge(String existing, String name, String block) {
        String begin = begin(name);
        String end = end(name);
        String whole = begin + "\n\n" + block.strip() + "\n\n" + end + "\n";
        int from = existing.indexOf(begin);
        if (from >= 0) {
            int to = existing.indexOf(end, from);
            if (to < 0) {
                throw new IllegalStateException("BENCHMARKS.md has '" + begin + "' but no '" + end
                        + "' after it: put the end marker back where the block ends, then run again");
            }
            int after = to + end.length();
            if (after < existing.length() && existing.charAt(after) == '\n') {
                after++;
            }
            return existing.substring(0, from) + whole + existing.substring(after);
        }
        int lastEnd = -1;
        for (Matcher m = ANY_END.matcher(existing); m.find(); ) {
            lastEnd = m.end();
        }
        if (lastEnd >= 0) {
            int after = existing.indexOf('\n', lastEnd);
            after = after < 0 ? existing.length() : after + 1;
            return existing.substring(0, after) + "\n" + whole + existing.substring(after);
        }
        if (existing.startsWith(TITLE)) {
            return TITLE + "\n" + whole + existing.substring(TITLE.length());
        }
        return TITLE + "\n" + whole + (existing.isEmpty() ? "" : "\n" + existing);
    }

    static String begin(String name) {
        return "<!-- " + name + ": begin -->";
    }

    static String end(String name) {
        return "<!-- " + name + ": end -->";
    }
}
