package dev.respawn.reloader.supervisor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last lines a worker printed, kept to explain why it ended. */
final class OutputTail {

    private static final int LINES = 20;
    private static final int LINE_LENGTH = 300;

    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();

    synchronized void append(byte[] buffer, int length) {
        String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                push(partial.toString());
                partial.setLength(0);
            } else if (c != '\r' && partial.length() < LINE_LENGTH) {
                partial.append(c);
            }
        }
    }

    private void push(String line) {
        if (line.isBlank()) {
            return;
        }
        lines.addLast(line.strip());
        if (lines.size() > LINES) {
            lines.removeFirst();
        }
    }

    /** Up to {@code count} of the last non-blank lines, oldest first. */
    synchronized List<String> last(int count) {
        List<String> all = new ArrayList<>(lines);
        if (partial.length() > 0 && !partial.toString().isBlank()) {
            all.add(partial.toString().strip());
        }
        return all.subList(Math.max(0, all.size() - count), all.size());
    }
}
