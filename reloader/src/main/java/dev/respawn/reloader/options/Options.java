package dev.respawn.reloader.options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

/**
 * The options shared by the supervisor's command line and the agent string: one set of names,
 * one parser ({@link OptionParser}).
 *
 * <p>Instances are filled once, by picocli on the command line or by {@link AgentStringParser} in
 * the agent, and never changed afterwards; accessors resolve defaults (for example each add-on's
 * directory under {@code --debug-directory}). Each field is named after its option
 * ({@code quietPeriod} is {@code --quiet-period}), which is how the agent finds it.
 */
public final class Options {

    /** The glob patterns that never restart, whatever the user adds. */
    public static final List<String> DEFAULT_EXCLUDES =
            List.of("static/", "public/", "templates/", "META-INF/resources/");

    @Option(names = "--reload-on-changes",
            description = "Reload the worker (a hot swap, or a restart) when a tracked class file, jar or watched path changes.")
    private boolean reloadOnChanges;

    @Option(names = "--reload-mode", paramLabel = "MODE", converter = ReloadMode.Converter.class,
            description = "auto (hot swap when only method bodies changed, else a restart inside the JVM when the "
                    + "application stops cleanly, else a new worker process), hotswap, in-jvm or restart "
                    + "(default: ${DEFAULT-VALUE}).",
            defaultValue = "auto")
    private ReloadMode reloadMode = ReloadMode.AUTO;

    @Option(names = "--poll", description = "Poll for changes instead of native file events.")
    private boolean poll;

    @Option(names = "--watch", paramLabel = "PATH", split = ":",
            description = "Also watch PATH (repeatable; ':' separates several).")
    private List<Path> watch = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", split = ":",
            description = "Changes matching GLOB never restart (added to: static/, public/, templates/, "
                    + "META-INF/resources/).")
    private List<String> exclude = new ArrayList<>();

    @Option(names = "--quiet-period", paramLabel = "MS", defaultValue = "50",
            description = "Wait for a burst of writes to settle this long before restarting (default: ${DEFAULT-VALUE}).")
    private long quietPeriod = 50;

    @Option(names = "--shutdown-timeout", paramLabel = "S", defaultValue = "5",
            description = "SIGTERM the worker, then SIGKILL after S seconds (default: ${DEFAULT-VALUE}).")
    private long shutdownTimeout = 5;

    @Option(names = "--source-path", paramLabel = "DIR", split = ":",
            description = "Where sources live (default: guessed from each class folder, "
                    + "e.g. target/classes -> src/main/java).")
    private List<Path> sourcePath = new ArrayList<>();

    @Option(names = "--compile-on-save",
            description = "Compile a saved .java with javax.tools against the worker's class path into its class"
                    + " folder, for any build (implies --reload-on-changes).")
    private boolean compileOnSave;

    @Option(names = "--debug-mode", description = "Turn on every debug-mode add-on, each with its default directory.")
    private boolean debugMode;

    @Option(names = "--capture-exceptions",
            description = "Report every exception that escapes application code, with frame arguments and fields.")
    private boolean captureExceptions;

    @Option(names = "--exceptions-directory", paramLabel = "DIR",
            description = "Where exception reports go (default: <debug-directory>/exceptions).")
    private Path exceptionsDirectory;

    @Option(names = "--capture-locals", description = "Also record each application frame's local variables.")
    private boolean captureLocals;

    @Option(names = "--app-packages", paramLabel = "P", split = "[,:]", splitSynopsisLabel = ",",
            description = "What counts as application code (default: classes loaded from directories).")
    private List<String> appPackages = new ArrayList<>();

    @Option(names = "--enable-debugger", description = "JDWP on 127.0.0.1, the same port after every restart.")
    private boolean enableDebugger;

    @Option(names = "--debugger-port", paramLabel = "N", defaultValue = "5005",
            description = "The debugger port (default: ${DEFAULT-VALUE}).")
    private int debuggerPort = 5005;

    @Option(names = "--debugger-suspend", description = "Each new worker waits for a debugger before main.")
    private boolean debuggerSuspend;

    @Option(names = "--enable-profiler", description = "Profile each worker's life: flame graph HTML and JFR.")
    private boolean enableProfiler;

    @Option(names = "--profiler-directory", paramLabel = "DIR",
            description = "Where profiles go (default: <debug-directory>/profiles).")
    private Path profilerDirectory;

    @Option(names = "--profiler-event", paramLabel = "E", defaultValue = "cpu",
            description = "cpu, perf, wall, alloc, lock or itimer (default: ${DEFAULT-VALUE}; cpu samples with"
                    + " per-thread CPU timers, perf with perf events, which add kernel frames but cost every context"
                    + " switch).")
    private String profilerEvent = "cpu";

    @Option(names = "--profiler-interval", paramLabel = "I",
            description = "The sampling interval (async-profiler's syntax, e.g. 10ms).")
    private String profilerInterval;

    @Option(names = "--profile-requests",
            description = "Profile the wall-clock time of threads while they serve a request (turns on the profiler"
                    + " and the recorder).")
    private boolean profileRequests;

    @Option(names = "--enable-coverage", description = "JaCoCo coverage, kept across restarts.")
    private boolean enableCoverage;

    @Option(names = "--coverage-directory", paramLabel = "DIR",
            description = "Where coverage goes (default: <debug-directory>/coverage).")
    private Path coverageDirectory;

    @Option(names = "--coverage-includes", paramLabel = "PATTERNS",
            description = "JaCoCo-style class name patterns to instrument, ':' between them.")
    private String coverageIncludes;

    @Option(names = "--coverage-excludes", paramLabel = "PATTERNS",
            description = "JaCoCo-style class name patterns never to instrument, ':' between them.")
    private String coverageExcludes;

    @Option(names = "--enable-recorder", description = "Record every HTTP exchange, headers and bodies, as HAR 1.2.")
    private boolean enableRecorder;

    @Option(names = "--recorder-directory", paramLabel = "DIR",
            description = "Where recordings go (default: <debug-directory>/recordings).")
    private Path recorderDirectory;

    @Option(names = "--recorder-body-limit", paramLabel = "N", defaultValue = "1048576",
            description = "Record at most N bytes of each body (default: ${DEFAULT-VALUE}).")
    private long recorderBodyLimit = 1 << 20;

    @Option(names = "--recorder-redact", paramLabel = "H", split = "[,:]", splitSynopsisLabel = ",",
            description = "More headers whose values are redacted.")
    private List<String> recorderRedact = new ArrayList<>();

    @Option(names = "--recorder-keep-secrets", description = "Keep Authorization, Cookie and the like unredacted.")
    private boolean recorderKeepSecrets;

    @Option(names = "--keep-lives", paramLabel = "N", defaultValue = "20",
            description = "Keep the HAR files and profiles of the last N lives of the application; older ones that"
                    + " respawn wrote are deleted (default: ${DEFAULT-VALUE}).")
    private int keepLives = 20;

    @Option(names = "--no-c1-only",
            description = "Run java workers with the JVM's full JIT (C1 and C2) instead of respawn's default for a"
                    + " faster start, C1 only (-XX:TieredStopAtLevel=1).")
    private boolean noC1Only;

    @Option(names = "--no-class-data-sharing",
            description = "Make and use no class-data-sharing archive of the classes a java worker loads from the JDK"
                    + " and its jars (respawn's default for a faster start: made after the first start, kept under"
                    + " <debug-directory>/cds).")
    private boolean noClassDataSharing;

    @Option(names = "--no-warm-jvm",
            description = "Start each new worker process only when a reload needs it, instead of keeping the next"
                    + " one started and waiting before main (respawn's default once a reload restarts the process).")
    private boolean noWarmJvm;

    @Option(names = "--front-port", paramLabel = "N[:APP_PORT]",
            description = "Listen on 127.0.0.1:N and forward to the worker's HTTP port (APP_PORT when it has several),"
                    + " holding requests while a reload runs and showing why when no worker can serve.")
    private String frontPort;

    @Option(names = "--url-alias", arity = "2", paramLabel = "URL-PATH DIR", hideParamSyntax = true,
            description = "The front serves the files of DIR at URL-PATH, as they are on disk (repeatable; needs"
                    + " --front-port).")
    private List<String> urlAlias = new ArrayList<>();

    @Option(names = "--browser-reload",
            description = "The front adds a small script to HTML pages that reloads them once a reload has completed"
                    + " (needs --front-port).")
    private boolean browserReload;

    // Set by a host that compiles saved sources itself (mvn respawn:run), so no hint to compile them.
    @Option(names = "--host-compiles-sources", hidden = true)
    private boolean hostCompilesSources;

    // The worker's working directory when the host's is not the project's (mvn -f other/pom.xml).
    @Option(names = "--worker-directory", paramLabel = "DIR", hidden = true)
    private Path workerDirectory;

    @Option(names = "--debug-directory", paramLabel = "DIR", defaultValue = ".respawn",
            description = "Root of the add-ons' default directories (default: ${DEFAULT-VALUE}).")
    private Path debugDirectory = Path.of(".respawn");

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
