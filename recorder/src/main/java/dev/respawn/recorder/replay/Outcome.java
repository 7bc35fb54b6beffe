package dev.respawn.recorder.replay;

import java.util.List;

/**
 * What one replayed exchange showed.
 *
 * @param index the entry's place in the HAR, from 1
 * @param request the method and path, for the report
 * @param kind whether it matched, differed, failed or was skipped
 * @param lines what differed (or why it failed or was skipped), one line each
 */
public record Outcome(int index, String request, Kind kind, List<String> lines) {

    /** The verdicts. */
    public enum Kind { MATCH, DIFFERENT, FAILED, SKIPPED }

    public Outcome {
        lines = List.copyOf(lines);
    }
}
