package dev.respawn.recorder.replay;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified-style diff of two bodies: lines as {@code -recorded} and {@code +now} around the
 * lines they share, or, for bodies that are not text, where they first differ.
 */
final class TextDiff {

    /** Longer bodies are not diffed line by line (the table is quadratic). */
    private static final int MAX_LINES = 2000;
    /** How many diff lines to print at most. */
    private static final int MAX_OUTPUT = 40;

    private TextDiff() {
    }

    static List<String> of(byte[] recorded, byte[] now) {
        String a = utf8(recorded);
        String b = utf8(now);
        if (a == null || b == null) {
            return List.of(binary(recorded, now));
        }
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        if (left.length > MAX_LINES || right.length > MAX_LINES) {
            return List.of(binary(recorded, now));
        }
        return lines(left, right);
    }

    static List<String> lines(String[] left, String[] right) {
        int[][] common = new int[left.length + 1][right.length + 1];
        for (int i = left.length - 1; i >= 0; i--) {
            for (int j = right.length - 1; j >= 0; j--) {
                common[i][j] = left[i].equals(right[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while ((i < left.length || j < right.length) && diff.size() < MAX_OUTPUT) {
            if (i < left.length && j < right.length && left[i].equals(right[j])) {
                i++;
                j++;
            } else if (i < left.length && (j == right.length || common[i + 1][j] >= common[i][j + 1])) {
                diff.add("-" + left[i++]);
            } else {
                diff.add("+" + right[j++]);
            }
        }
        if (diff.size() == MAX_OUTPUT) {
            diff.add("(more differences left out)");
        }
        return diff;
    }

    private static String binary(byte[] recorded, byte[] now) {
        int first = 0;
        while (first < recorded.length && first < now.length && recorded[first] == now[first]) {
            first++;
        }
        return "bodies differ from byte " + first + " (" + recorded.length + " bytes recorded, " + now.length + " now)";
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
