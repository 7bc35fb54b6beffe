package dev.respawn.coverage.command;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.respawn.coverage.CoverageFiles;
import dev.respawn.coverage.ExecFile;
import dev.respawn.coverage.report.CoverageReport;
import dev.respawn.reloader.control.ControlClient;
import dev.respawn.reloader.control.ControlException;
import dev.respawn.reloader.control.ControlFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code respawn coverage report|dump|reset}: the coverage add-on's commands. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Coverage kept across restarts (respawn --enable-coverage).",
        subcommands = {CoverageCommand.Report.class, CoverageCommand.Dump.class, CoverageCommand.Reset.class})
public final class CoverageCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say what to do: coverage report, dump or reset");
    }

    /** Where the files are: the same options, with the same defaults, as the supervisor's. */
    static final class Location {

        @Option(names = "--debug-directory", paramLabel = "DIR", defaultValue = ".respawn",
                description = "The supervisor's --debug-directory (default: ${DEFAULT-VALUE}).")
        Path debugDirectory = Path.of(".respawn");

        @Option(names = "--coverage-directory", paramLabel = "DIR",
                description = "The supervisor's --coverage-directory (default: <debug-directory>/coverage).")
        Path coverageDirectory;

        CoverageFiles files() {
            return new CoverageFiles(coverageDirectory != null ? coverageDirectory : debugDirectory.resolve("coverage"));
        }

        String send(String command) throws ControlException {
            Path control = ControlFile.directory(debugDirectory);
            try {
                return new ControlClient(control).send(command);
            } catch (ControlException e) {
                if (e.getMessage().startsWith("no running worker")) {
                    throw new ControlException(e.getMessage() + "; is respawn running with --enable-coverage?"
                            + " ('coverage report' works without one)");
                }
                throw e;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Write html/index.html, jacoco.xml and jacoco.csv from the coverage recorded so far.")
    static final class Report implements Callable<Integer> {

        @Mixin
        Location location;

        @Option(names = "--source-path", paramLabel = "DIR", split = ":",
                description = "Where sources live, besides what the agent recorded and guesses.")
        List<Path> sourcePath = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            CoverageFiles files = location.files();
            System.out.println("respawn: " + new CoverageReport(files, new ExecFile(files, Clock.systemDefaultZone()),
                    sourcePath, line -> System.err.println("respawn: " + line)).write().describe());
            return 0;
        }
    }

    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = "Have the running worker write its coverage so far to respawn.exec.")
    static final class Dump implements Callable<Integer> {

        @Mixin
        Location location;

        @Override
        public Integer call() throws Exception {
            System.out.println("respawn: " + location.send("coverage.dump") + "; 'coverage report' shows it");
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Forget the coverage recorded so far, the running worker's and respawn.exec's.")
    static final class Reset implements Callable<Integer> {

        @Mixin
        Location location;

        @Override
        public Integer call() throws Exception {
            System.out.println("respawn: " + location.send("coverage.reset"));
            return 0;
        }
    }
}
