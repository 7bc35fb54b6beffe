package dev.respawn.reloader.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * The javac options a user gives compile on save through {@code JDK_JAVAC_OPTIONS}, the variable the
 * JDK's own {@code javac} launcher reads: white space between options, double quotes around one
 * that holds spaces. A release given there ({@code --release}, {@code -source}/{@code -target})
 * is used instead of the one read from the class files already in the folder.
 */
final class ToldOptions {

    static final String VARIABLE = "JDK_JAVAC_OPTIONS";

    private ToldOptions() {
    }

    static List<String> parse(String value) {
        List<String> options = new ArrayList<>();
        if (value == null) {
            return options;
        }
        StringBuilder option = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    options.add(option.toString());
                    option.setLength(0);
                    any = false;
                }
            } else {
                option.append(c);
                any = true;
            }
        }
        if (any) {
            options.add(option.toString());
        }
        return options;
    }

    /** Whether the options say which release to compile for. */
    static boolean setRelease(List<String> options) {
        return options.stream().anyMatch(option -> option.equals("--release") || option.startsWith("--release=")
                || option.equals("-source") || option.equals("--source") || option.equals("-target")
                || option.equals("--target"));
    }
}
