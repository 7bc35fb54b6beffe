package dev.respawn.reloader.supervisor;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a worker ended, in one line, from the last lines it printed: the application's exception
 * (its root cause, where the trace shows a chain) and the first frame of the application's own
 * code, not respawn's frames ({@code Life.runHere}, {@code Restarter}) nor respawn's own
 * terminal lines. Without an exception, the last lines that are not respawn's.
 */
final class FailureSummary {

    /** {@code Exception in thread "main" a.B: message}, {@code Caused by: a.B: message}, or {@code a.B: message}. */
    private static final Pattern HEADLINE = Pattern.compile(
            "^(?:Exception in thread \".*?\" |Caused by: )?((?:[\\w$]+\\.)+[\\w$]*(?:Exception|Error|Throwable)\\b.*)$");
    /** {@code at module/pkg.C.m(F.java:1)}, or {@code at respawn-life-2//pkg.C.m(...)}: a class loader's name, no module. */
    private static final Pattern FRAME = Pattern.compile("^at (?:[\\w.-]*/)*([\\w$.]+)\\.([\\w$<>]+)\\((.*)\\)$");
    /** Wrappers the JDK's reflection puts around what {@code main} threw. */
    private static final List<String> WRAPPERS = List.of("java.lang.reflect.InvocationTargetException",
            "java.lang.reflect.UndeclaredThrowableException", "java.util.concurrent.ExecutionException");

    private FailureSummary() {
    }

    static String of(List<String> tail, int fallbackLines) {
        List<String> lines = tail.stream().map(String::strip)
                .filter(line -> !line.startsWith("respawn:") && !line.isEmpty()).toList();
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher headline = HEADLINE.matcher(lines.get(i));
            if (headline.matches() && !isWrapper(headline.group(1))) {
                found = i;
            }
        }
        if (found < 0) {
            List<String> own = lines.stream().filter(line -> !isRespawnFrame(line)).toList();
            if (own.isEmpty()) {
                return "it printed nothing";
            }
            return "last output: " + String.join(" | ", own.subList(Math.max(0, own.size() - fallbackLines), own.size()));
        }
        Matcher headline = HEADLINE.matcher(lines.get(found));
        headline.matches();
        String exception = shortName(headline.group(1));
        for (int i = found + 1; i < lines.size(); i++) {
            Matcher frame = FRAME.matcher(lines.get(i));
            if (!frame.matches()) {
                break;
            }
            String className = frame.group(1);
            if (!isPlatform(className) && !isRespawn(className)) {
                String simple = className.substring(className.lastIndexOf('.') + 1);
                return exception + " at " + simple + "." + frame.group(2) + "(" + frame.group(3) + ")";
            }
        }
        return exception;
    }

    private static boolean isWrapper(String headline) {
        return WRAPPERS.stream().anyMatch(wrapper -> headline.equals(wrapper) || headline.startsWith(wrapper + ":")
                || headline.startsWith(wrapper + " "));
    }

    /** {@code java.lang.IllegalStateException: x} as {@code IllegalStateException: x}. */
    private static String shortName(String headline) {
        int colon = headline.indexOf(':');
        String name = colon < 0 ? headline : headline.substring(0, colon);
        return name.substring(name.lastIndexOf('.') + 1) + (colon < 0 ? "" : headline.substring(colon));
    }

    private static boolean isRespawnFrame(String line) {
        Matcher frame = FRAME.matcher(line);
        return frame.matches() && isRespawn(frame.group(1)) || line.matches("^\\.\\.\\. \\d+ more$");
    }

    /** respawn's own code; its example applications are applications like any other. */
    private static boolean isRespawn(String className) {
        return className.startsWith("dev.respawn.") && !className.startsWith("dev.respawn.examples.");
    }

    private static boolean isPlatform(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("com.sun.");
    }
}
