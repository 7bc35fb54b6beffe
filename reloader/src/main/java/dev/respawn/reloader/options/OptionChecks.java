package dev.respawn.reloader.options;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks of option values that a type alone cannot make: ranges of numbers, globs that
 * compile, directories that are not empty names, paths that exist. Each failure is one line that
 * names the option, the value and what is accepted.
 */
final class OptionChecks {

    /** async-profiler's interval syntax: a positive number, optionally in ns, us, ms or s. */
    private static final Pattern INTERVAL = Pattern.compile("[1-9][0-9]{0,11}(ns|us|ms|s)?");

    private OptionChecks() {
    }

    static void range(String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new OptionsException(option + " must be from " + min + " to " + max + " " + unit
                    + ", not " + value);
        }
    }

    static void globs(String option, List<String> globs) {
        for (String glob : globs) {
            if (glob.isBlank()) {
                throw new OptionsException(option + " needs a glob, not an empty value");
            }
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (IllegalArgumentException e) {
                String reason = e instanceof PatternSyntaxException syntax ? syntax.getDescription() : e.getMessage();
                throw new OptionsException(option + " '" + glob + "' is not a glob (" + reason
                        + "); quote it for the shell, e.g. --exclude '*.tmp'");
            }
        }
    }

    static void names(String option, List<String> names) {
        for (String name : names) {
            if (name.isBlank()) {
                throw new OptionsException(option + " needs a name, not an empty value, e.g. " + option + " X-Api-Key");
            }
        }
    }

    static void directory(String option, Path directory) {
        if (directory != null && directory.toString().isBlank()) {
            throw new OptionsException(option + " needs a directory, not an empty value (default: leave it out)");
        }
    }

    static void interval(String option, String interval) {
        if (interval != null && !INTERVAL.matcher(interval).matches()) {
            throw new OptionsException(option + " must be a positive number with an optional unit ns, us, ms or s"
                    + " (e.g. 10ms), not '" + interval + "'");
        }
    }

    /** Paths the user named that must exist already, resolved against the worker's directory. */
    static void existing(String option, List<Path> paths, Path base) {
        for (Path path : paths) {
            if (path.toString().isBlank()) {
                throw new OptionsException(option + " needs a path, not an empty value");
            }
            if (!Files.exists(base.resolve(path))) {
                throw new OptionsException(option + " " + path + ": no such file or directory (in " + base + ")");
            }
        }
    }
}
