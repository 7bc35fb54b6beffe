package dev.respawn.coverage.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;

import dev.respawn.coverage.CoverageFiles;
import dev.respawn.coverage.ExecFile;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.supervisor.SupervisorExtension;

/**
 * The coverage add-on's part of the supervisor: writes the report once the last worker has
 * written its session, as the supervisor stops.
 */
public final class CoverageReportOnStop implements SupervisorExtension {

    private final Options options;
    private final PrintStream err;

    public CoverageReportOnStop(Options options, PrintStream err) {
        if (options == null || err == null) {
            throw new IllegalArgumentException("'options' and 'err' must not be null");
        }
        this.options = options;
        this.err = err;
    }

    /** Redefining an instrumented class with its class file's bytes would drop its probes. */
    @Override
    public java.util.Optional<String> hotSwapVeto() {
        return java.util.Optional.of("no hot swap while coverage is on: it would drop the class's coverage probes");
    }

    @Override
    public void supervisorStopping() {
        CoverageFiles files = new CoverageFiles(options.coverageDirectory());
        if (!Files.isDirectory(files.directory()) || !Files.isWritable(files.directory())) {
            // The worker's agent has said why, if it could not write there.
            err.println("respawn: no coverage report: nothing was recorded in " + files.directory());
            return;
        }
        try {
            ReportSummary summary = new CoverageReport(files, new ExecFile(files, Clock.systemDefaultZone()),
                    options.sourcePath(), line -> err.println("respawn: " + line)).write();
            err.println("respawn: " + summary.describe());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            err.println("respawn: no coverage report: " + why + (why.contains(files.directory().toString()) ? ""
                    : " (in " + files.directory() + ")"));
        }
        err.flush();
    }
}
