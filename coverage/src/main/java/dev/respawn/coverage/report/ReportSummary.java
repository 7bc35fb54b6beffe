package dev.respawn.coverage.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report shows, for one line on the terminal.
 *
 * @param index the HTML report's index.html
 * @param sessions how many worker lives (and dumps) the data came from
 * @param coveredLines lines at least partly covered
 * @param totalLines lines with code
 * @param changed classes whose recorded coverage is of an earlier version of their class file
 */
public record ReportSummary(Path index, int sessions, int coveredLines, int totalLines, List<String> changed) {

    public ReportSummary {
        changed = List.copyOf(changed);
    }

    /** "coverage report: .../index.html (42 of 60 lines, 70%, from 3 sessions)" and what changed. */
    public String describe() {
        String percent = totalLines == 0 ? "no lines" : Math.round(100.0 * coveredLines / totalLines) + "%";
        String line = "coverage report: " + index + " (" + coveredLines + " of " + totalLines + " lines, " + percent
                + ", from " + sessions + " session" + (sessions == 1 ? "" : "s") + ")";
        if (!changed.isEmpty()) {
            int shown = Math.min(changed.size(), 5);
            boolean one = changed.size() == 1;
            line += "; " + changed.size() + (one ? " class has changed since its coverage was recorded and shows"
                    : " classes have changed since their coverage was recorded and show") + " none: "
                    + String.join(", ", changed.subList(0, shown)) + (changed.size() > shown ? ", ..." : "");
        }
        return line;
    }
}
