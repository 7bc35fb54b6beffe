package dev.respawn.coverage.report;

/** The class {@link CoverageReportTest} runs instrumented: {@code covered} runs, {@code uncovered} never does. */
public final class ReportTarget implements Runnable {

    @Override
    public void run() {
        covered();
    }

    static int covered() {
        return 42;
    }

    static int uncovered() {
        return -1;
    }
}
