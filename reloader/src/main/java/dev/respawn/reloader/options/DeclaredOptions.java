package dev.respawn.reloader.options;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * Every option as declared: one field per option, named after it ({@code quietPeriod} is
 * {@code --quiet-period}) and annotated for picocli, filled once by picocli on the command line or
 * by {@link AgentStringParser} from the agent string. What the values mean (defaults resolved,
 * checks) is {@link Options}'s, which is what the rest of respawn reads.
 */
abstract class DeclaredOptions {

    @Option(names = "--reload-on-changes",
            description = "Reload the worker (a hot swap, or a restart) when a tracked class file, jar or watched path changes.")
    boolean reloadOnChanges;

    @Option(names = "--reload-mode", paramLabel = "MODE", converter = ReloadMode.Converter.class,
            description = "auto (hot swap when only method bodies changed, else a restart inside the JVM when the "
                    + "application stops cleanly, else a new worker process), hotswap, in-jvm or restart "
                    + "(default: ${DEFAULT-VALUE}).",
            defaultValue = "auto")
    ReloadMode reloadMode = ReloadMode.AUTO;

    @Option(names = "--poll", description = "Poll for changes instead of native file events.")
    boolean poll;

    @Option(names = "--watch", paramLabel = "PATH", split = ":",
            description = "Also watch PATH (repeatable; ':' separates several).")
    List<Path> watch = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", split = ":",
            description = "Changes matching GLOB never restart (added to: static/, public/, templates/, "
                    + "META-INF/resources/).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--quiet-period", paramLabel = "MS", defaultValue = "50",
            description = "Wait for a burst of writes to settle this long before restarting (default: ${DEFAULT-VALUE}).")
    long quietPeriod = 50;

    @Option(names = "--shutdown-timeout", paramLabel = "S", defaultValue = "5",
            description = "SIGTERM the worker, then SIGKILL after S seconds (default: ${DEFAULT-VALUE}); a JVM still"
                    + " working on its shutdown hooks gets up to 6x S.")
    long shutdownTimeout = 5;

    @Option(names = "--source-path", paramLabel = "DIR", split = ":",
            description = "Where sources live (default: guessed from each class folder, "
                    + "e.g. target/classes -> src/main/java).")
    List<Path> sourcePath = new ArrayList<>();

    @Option(names = "--compile-on-save",
            description = "Compile a saved .java with javax.tools against the worker's class path into its class"
                    + " folder, for any build (implies --reload-on-changes).")
    boolean compileOnSave;

    @Option(names = "--debug-mode", description = "Turn on every debug-mode add-on, each with its default directory.")
    boolean debugMode;

    @Option(names = "--capture-exceptions",
            description = "Report every exception that escapes application code, with frame arguments and fields.")
    boolean captureExceptions;

    @Option(names = "--exceptions-directory", paramLabel = "DIR",
            description = "Where exception reports go (default: <debug-directory>/exceptions).")
    Path exceptionsDirectory;

    @Option(names = "--capture-locals", description = "Also record each application frame's local variables.")
    boolean captureLocals;

    @Option(names = "--app-packages", paramLabel = "P", split = "[,:]", splitSynopsisLabel = ",",
            description = "What counts as application code (default: what the build compiled: classes loaded from directories, and from jars in the build output those in its class folder).")
    List<String> appPackages = new ArrayList<>();

    @Option(names = "--enable-debugger", description = "JDWP on 127.0.0.1, the same port after every restart.")
    boolean enableDebugger;

    @Option(names = "--debugger-port", paramLabel = "N", defaultValue = "5005",
            description = "The debugger port (default: ${DEFAULT-VALUE}).")
    int debuggerPort = 5005;

    @Option(names = "--debugger-suspend", description = "Each new worker waits for a debugger before main.")
    boolean debuggerSuspend;

    @Option(names = "--enable-profiler", description = "Profile each worker's life: flame graph HTML and JFR.")
    boolean enableProfiler;

    @Option(names = "--profiler-directory", paramLabel = "DIR",
            description = "Where profiles go (default: <debug-directory>/profiles).")
    Path profilerDirectory;

    @Option(names = "--profiler-event", paramLabel = "E", defaultValue = "cpu",
            description = "cpu, perf, wall, alloc, lock or itimer (default: ${DEFAULT-VALUE}; cpu samples with"
                    + " per-thread CPU timers, perf with perf events, which add kernel frames but cost every context"
                    + " switch).")
    String profilerEvent = "cpu";

    @Option(names = "--profiler-interval", paramLabel = "I",
            description = "The sampling interval (async-profiler's syntax, e.g. 10ms).")
    String profilerInterval;

    @Option(names = "--profile-requests",
            description = "Profile the wall-clock time of threads while they serve a request (turns on the profiler"
                    + " and the recorder).")
    boolean profileRequests;

    @Option(names = "--enable-coverage", description = "JaCoCo coverage, kept across restarts.")
    boolean enableCoverage;

    @Option(names = "--coverage-directory", paramLabel = "DIR",
            description = "Where coverage goes (default: <debug-directory>/coverage).")
    Path coverageDirectory;

    @Option(names = "--coverage-includes", paramLabel = "PATTERNS",
            description = "JaCoCo-style class name patterns to instrument, ':' between them.")
    String coverageIncludes;

    @Option(names = "--coverage-excludes", paramLabel = "PATTERNS",
            description = "JaCoCo-style class name patterns never to instrument, ':' between them.")
    String coverageExcludes;

    @Option(names = "--enable-recorder", description = "Record every HTTP exchange, headers and bodies, as HAR 1.2.")
    boolean enableRecorder;

    @Option(names = "--recorder-directory", paramLabel = "DIR",
            description = "Where recordings go (default: <debug-directory>/recordings).")
    Path recorderDirectory;

    @Option(names = "--recorder-body-limit", paramLabel = "N", defaultValue = "1048576",
            description = "Record at most N bytes of each body (default: ${DEFAULT-VALUE}).")
    long recorderBodyLimit = 1 << 20;

    @Option(names = "--recorder-redact", paramLabel = "H", split = "[,:]", splitSynopsisLabel = ",",
            description = "More headers whose values are redacted.")
    List<String> recorderRedact = new ArrayList<>();

    @Option(names = "--recorder-keep-secrets", description = "Keep Authorization, Cookie and the like unredacted.")
    boolean recorderKeepSecrets;

    @Option(names = "--keep-lives", paramLabel = "N", defaultValue = "20",
            description = "Keep the HAR files and profiles of the last N lives of the application; older ones that"
                    + " respawn wrote are deleted (default: ${DEFAULT-VALUE}).")
    int keepLives = 20;

    @Option(names = "--no-c1-only",
            description = "Run java workers with the JVM's full JIT (C1 and C2) instead of respawn's default for a"
                    + " faster start, C1 only (-XX:TieredStopAtLevel=1).")
    boolean noC1Only;

    @Option(names = "--no-class-data-sharing",
            description = "Make and use no class-data-sharing archive of the classes a java worker loads from the JDK"
                    + " and its jars (respawn's default for a faster start: made after the first start, kept under"
                    + " <debug-directory>/cds).")
    boolean noClassDataSharing;

    @Option(names = "--no-warm-jvm",
            description = "Start each new worker process only when a reload needs it, instead of keeping the next"
                    + " one started and waiting before main (respawn's default once a reload restarts the process).")
    boolean noWarmJvm;

    @Option(names = "--front-port", paramLabel = "N[:APP_PORT]",
            description = "Listen on 127.0.0.1:N and forward to the worker's HTTP port (APP_PORT when it has several),"
                    + " holding requests while a reload runs and showing why when no worker can serve.")
    String frontPort;

    @Option(names = "--url-alias", arity = "2", paramLabel = "URL-PATH DIR", hideParamSyntax = true,
            description = "The front serves the files of DIR at URL-PATH, as they are on disk (repeatable; needs"
                    + " --front-port).")
    List<String> urlAlias = new ArrayList<>();

    @Option(names = "--browser-reload",
            description = "The front adds a small script to HTML pages that reloads them once a reload has completed"
                    + " (needs --front-port).")
    boolean browserReload;

    // Set by a host that compiles saved sources itself (mvn respawn:run), so no hint to compile them.
    @Option(names = "--host-compiles-sources", hidden = true)
    boolean hostCompilesSources;

    // The worker's working directory when the host's is not the project's (mvn -f other/pom.xml).
    @Option(names = "--worker-directory", paramLabel = "DIR", hidden = true)
    Path workerDirectory;

    @Option(names = "--debug-directory", paramLabel = "DIR", defaultValue = ".respawn",
            description = "Root of the add-ons' default directories (default: ${DEFAULT-VALUE}).")
    Path debugDirectory = Path.of(".respawn");
}
