package dev.respawn.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.respawn.agent.profiler.FlameGraphHandoff;
import dev.respawn.agent.profiler.NativeAccess;
import dev.respawn.coverage.command.CoverageCommand;
import dev.respawn.coverage.report.CoverageReportOnStop;
import dev.respawn.debugger.DebuggerPort;
import dev.respawn.front.Front;
import dev.respawn.locals.LocalsCapture;
import dev.respawn.recorder.cli.HarCommand;
import dev.respawn.recorder.cli.ReplayCommand;
import dev.respawn.recorder.har.RecorderExtension;
import dev.respawn.reloader.options.OptionParser;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.options.OptionsException;
import dev.respawn.reloader.supervisor.Supervisor;
import dev.respawn.reloader.supervisor.SupervisorConfig;
import dev.respawn.reloader.supervisor.SupervisorExtension;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The supervisor's command line: {@code respawn [OPTIONS] -- COMMAND [ARGS...]}. */
@Command(name = "respawn",
        mixinStandardHelpOptions = true,
        versionProvider = RespawnCommand.Version.class,
        subcommands = {CoverageCommand.class, ProfileCommand.class, StatusCommand.class, HarCommand.class, ReplayCommand.class},
        sortOptions = false,
        usageHelpAutoWidth = true,
        headerHeading = "%n",
        header = "Runs COMMAND as a worker JVM with the respawn agent attached, and restarts it when a class"
                + " file, jar or watched path it uses changes.",
        synopsisHeading = "%nUsage: ",
        customSynopsis = "respawn [OPTIONS] -- COMMAND [ARGS...]",
        descriptionHeading = "%n",
        description = {
            "The agent alone (java -javaagent:respawn.jar=reload-on-changes,...) ends the JVM with exit"
                + " code 3 when a tracked file changes, for systemd, Kubernetes or a shell loop to restart it.",
            "",
            "While it runs: type 'rs' and Enter, or send SIGHUP, to restart the worker."},
        parameterListHeading = "%nCommand:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n",
        footer = {"Example:", "  respawn --reload-on-changes -- java -cp target/classes com.example.Main 8080"})
final class RespawnCommand implements Callable<Integer> {

    @Mixin
    private Options options = new Options();

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The worker's command line, usually java ...; give it after --.")
    private List<String> command = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (command.isEmpty()) {
            throw new OptionsException("give the command to run after --, e.g. respawn --reload-on-changes"
                    + " -- java -cp target/classes com.example.Main (see 'respawn --help')");
        }
        OptionParser.validated(options).checkPathsExist();
        String agentString = OptionParser.toAgentString(spec.commandLine().getParseResult().matchedOptions());
        Path jar = ownJar();
        List<String> missing = Features.missing(options);
        if (!missing.isEmpty()) {
            System.err.println("respawn: not in this version yet, so not enabled: " + String.join(", ", missing));
        }
        if (options.debugMode()) {
            List<String> enabled = Features.debugModeEnabled(options);
            System.err.println("respawn: --debug-mode enabled " + (enabled.isEmpty() ? "no add-on (none is built yet)"
                    : String.join(", ", enabled)));
        }
        Supervisor supervisor = new Supervisor(new SupervisorConfig(options, command, jar, agentString,
                Features.environment(options), extensions(), System.out, System.err));
        TerminalControls.install(supervisor, System.in);
        return supervisor.run();
    }

    /** The add-ons' supervisor-side parts; each checks what it can before any worker starts. */
    private List<SupervisorExtension> extensions() {
        List<SupervisorExtension> extensions = new ArrayList<>();
        if (options.enableCoverage()) {
            extensions.add(new CoverageReportOnStop(options, System.err));
        }
        if (options.enableRecorder()) {
            extensions.add(new RecorderExtension(options.recorderDirectory(), options.debugDirectory(),
                    options.keepLives(), System.err));
        }
        if (options.enableProfiler()) {
            extensions.add(new NativeAccess());
            extensions.add(new FlameGraphHandoff(options.debugDirectory(), options.keepLives(), System.err));
        }
        boolean debugger = options.enableDebugger();
        if (options.captureLocals()) {
            // A JVM has one JDWP agent, and it takes one debugger at a time.
            if (spec.commandLine().getParseResult().hasMatchedOption("--enable-debugger")) {
                throw new OptionsException("--capture-locals and --enable-debugger both need the worker's one"
                        + " debugger connection; leave one of them out");
            }
            if (debugger) {
                System.err.println("respawn: --capture-locals takes the worker's debugger connection, so"
                        + " --debug-mode's debugger is off");
                debugger = false;
            }
            extensions.add(new LocalsCapture(options.appPackages(), options.exceptionsDirectory(), System.err));
        }
        if (debugger) {
            DebuggerPort port = new DebuggerPort(options.debuggerPort(), options.debuggerSuspend(), System.err);
            port.checkAvailable();
            extensions.add(port);
        }
        if (options.frontPort().isPresent()) {
            List<SupervisorExtension> others = List.copyOf(extensions);
            extensions.add(Front.start(options, () -> Front.portsOf(others), System.err));
        }
        return extensions;
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(RespawnCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.toAbsolutePath();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall through to the error below.
        }
        throw new OptionsException("the supervisor must run from respawn.jar (java -jar respawn.jar ...)");
    }

    /** The version in respawn.jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RespawnCommand.class.getPackage().getImplementationVersion();
            return new String[] {"respawn " + (version == null ? "(development build)" : version)
                    + " on Java " + Runtime.version()};
        }
    }
}
