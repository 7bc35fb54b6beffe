package dev.respawn.reloader.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The options shared by the supervisor's command line and the agent string: one set of names,
 * one parser ({@link OptionParser}).
 *
 * <p>The options are declared in {@code DeclaredOptions}, a field each; instances are filled once,
 * by picocli on the command line or by {@link AgentStringParser} in the agent, and never changed
 * afterwards. This class says what they mean: accessors resolve defaults (for example each
 * add-on's directory under {@code --debug-directory}), and {@link #validate()} checks them.
 */
public final class Options extends DeclaredOptions {

    /** The glob patterns that never restart, whatever the user adds. */
    public static final List<String> DEFAULT_EXCLUDES =
            List.of("static/", "public/", "templates/", "META-INF/resources/");

    /**
     * Parses an agent string: the command line's option names without the leading dashes, comma
     * separated, {@code name} for a switch and {@code name=value} otherwise; a list inside one
     * option uses {@code :} between items ({@code reload-on-changes,watch=conf:static}).
     *
     * @throws OptionsException naming the option and what is accepted
     */
    public static Options fromAgentString(String agentString) {
        Options options = AgentStringParser.parse(agentString);
        options.validate();
        return options;
    }

    /** Options with every default, as if nothing had been given. */
    public static Options defaults() {
        return fromAgentString("");
    }

    /** True also under {@code --compile-on-save}, whose compiled classes must be reloaded to be served. */
    public boolean reloadOnChanges() {
        return reloadOnChanges || compileOnSave;
    }

    public ReloadMode reloadMode() {
        return reloadMode;
    }

    public boolean poll() {
        return poll;
    }

    public List<Path> watch() {
        return Collections.unmodifiableList(watch);
    }

    /** The user's exclusions after {@link #DEFAULT_EXCLUDES}. */
    public List<String> excludes() {
        List<String> all = new ArrayList<>(DEFAULT_EXCLUDES);
        all.addAll(exclude);
        return Collections.unmodifiableList(all);
    }

    public Duration quietPeriod() {
        return Duration.ofMillis(quietPeriod);
    }

    public Duration shutdownTimeout() {
        return Duration.ofSeconds(shutdownTimeout);
    }

    public List<Path> sourcePath() {
        return Collections.unmodifiableList(sourcePath);
    }

    public boolean compileOnSave() {
        return compileOnSave;
    }

    /** Whether java workers get {@code -XX:TieredStopAtLevel=1} (unless they choose their compilers themselves). */
    public boolean c1Only() {
        return !noC1Only;
    }

    /** Whether the next worker JVM is started ahead of a process restart, to wait before {@code main}. */
    public boolean warmJvm() {
        return !noWarmJvm;
    }

    /** Whether java workers start with a class-data-sharing archive of their jars, made by respawn. */
    public boolean classDataSharing() {
        return !noClassDataSharing;
    }

    /** Where the front listens, when asked for. */
    public Optional<FrontPort> frontPort() {
        return Optional.ofNullable(frontPort).map(FrontPort::parse);
    }

    /** The folders the front serves, in the order given. */
    public List<UrlAlias> urlAliases() {
        List<UrlAlias> aliases = new ArrayList<>();
        for (int i = 0; i + 1 < urlAlias.size(); i += 2) {
            aliases.add(UrlAlias.of(urlAlias.get(i), urlAlias.get(i + 1)));
        }
        return Collections.unmodifiableList(aliases);
    }

    public boolean browserReload() {
        return browserReload;
    }

    public boolean hostCompilesSources() {
        return hostCompilesSources;
    }

    /** Where the worker runs: the supervisor's own working directory unless a host said otherwise. */
    public Path workerDirectory() {
        return workerDirectory == null ? Path.of("").toAbsolutePath() : workerDirectory.toAbsolutePath();
    }

    public boolean debugMode() {
        return debugMode;
    }

    /** True also under {@code --capture-locals}, which adds to exception reports. */
    public boolean captureExceptions() {
        return captureExceptions || debugMode || captureLocals;
    }

    public Path exceptionsDirectory() {
        return orUnderDebugDirectory(exceptionsDirectory, "exceptions");
    }

    public boolean captureLocals() {
        return captureLocals;
    }

    public List<String> appPackages() {
        return Collections.unmodifiableList(appPackages);
    }

    public boolean enableDebugger() {
        return enableDebugger || debugMode;
    }

    public int debuggerPort() {
        return debuggerPort;
    }

    public boolean debuggerSuspend() {
        return debuggerSuspend;
    }

    /** On with {@code --enable-profiler}, {@code --debug-mode}, or {@code --profile-requests}. */
    public boolean enableProfiler() {
        return enableProfiler || debugMode || profileRequests;
    }

    /**
     * Whether the profiler was asked for by name ({@code --enable-profiler}, {@code --profile-requests}),
     * not only as part of {@code --debug-mode}: such a worker gets the full JIT.
     */
    public boolean profilerAskedFor() {
        return enableProfiler || profileRequests;
    }

    public Path profilerDirectory() {
        return orUnderDebugDirectory(profilerDirectory, "profiles");
    }

    public String profilerEvent() {
        return profilerEvent;
    }

    public Optional<String> profilerInterval() {
        return Optional.ofNullable(profilerInterval);
    }

    public boolean profileRequests() {
        return profileRequests;
    }

    public boolean enableCoverage() {
        return enableCoverage || debugMode;
    }

    public Path coverageDirectory() {
        return orUnderDebugDirectory(coverageDirectory, "coverage");
    }

    public Optional<String> coverageIncludes() {
        return Optional.ofNullable(coverageIncludes);
    }

    public Optional<String> coverageExcludes() {
        return Optional.ofNullable(coverageExcludes);
    }

    /** On with {@code --enable-recorder}, {@code --debug-mode}, or {@code --profile-requests} (whose request boundaries it finds). */
    public boolean enableRecorder() {
        return enableRecorder || debugMode || profileRequests;
    }

    public Path recorderDirectory() {
        return orUnderDebugDirectory(recorderDirectory, "recordings");
    }

    public long recorderBodyLimit() {
        return recorderBodyLimit;
    }

    public List<String> recorderRedact() {
        return Collections.unmodifiableList(recorderRedact);
    }

    public boolean recorderKeepSecrets() {
        return recorderKeepSecrets;
    }

    /** How many lives' HAR files and profiles are kept ({@code --keep-lives}). */
    public int keepLives() {
        return keepLives;
    }

    public Path debugDirectory() {
        return debugDirectory;
    }

    /**
     * Checks what only the supervisor can check before a worker starts: that the paths to watch
     * and the source paths exist, seen from the worker's directory.
     */
    public void checkPathsExist() {
        OptionChecks.existing("--watch", watch, workerDirectory());
        OptionChecks.existing("--source-path", sourcePath, workerDirectory());
    }

    private Path orUnderDebugDirectory(Path explicit, String name) {
        return explicit != null ? explicit : debugDirectory.resolve(name);
    }

    void validate() {
        OptionChecks.range("--quiet-period", quietPeriod, 0, 60_000, "milliseconds");
        OptionChecks.range("--shutdown-timeout", shutdownTimeout, 0, 3_600, "seconds");
        OptionChecks.range("--debugger-port", debuggerPort, 1, 65_535, "(a port)");
        OptionChecks.range("--recorder-body-limit", recorderBodyLimit, 0, Integer.MAX_VALUE, "bytes");
        OptionChecks.range("--keep-lives", keepLives, 1, 100_000, "lives");
        OptionChecks.globs("--exclude", exclude);
        OptionChecks.names("--recorder-redact", recorderRedact);
        OptionChecks.names("--app-packages", appPackages);
        OptionChecks.interval("--profiler-interval", profilerInterval);
        OptionChecks.directory("--debug-directory", debugDirectory);
        OptionChecks.directory("--exceptions-directory", exceptionsDirectory);
        OptionChecks.directory("--profiler-directory", profilerDirectory);
        OptionChecks.directory("--coverage-directory", coverageDirectory);
        OptionChecks.directory("--recorder-directory", recorderDirectory);
        OptionChecks.directory("--worker-directory", workerDirectory);
        frontPort();
        urlAliases();
        if (frontPort == null && (!urlAlias.isEmpty() || browserReload)) {
            throw new OptionsException((browserReload ? "--browser-reload" : "--url-alias")
                    + " needs the front: add --front-port N (e.g. --front-port 8000)");
        }
        List<String> events = List.of("cpu", "perf", "wall", "alloc", "lock", "itimer");
        if (!events.contains(profilerEvent)) {
            throw new OptionsException("--profiler-event must be one of " + String.join(", ", events)
                    + ", not '" + profilerEvent + "'");
        }
    }
}
