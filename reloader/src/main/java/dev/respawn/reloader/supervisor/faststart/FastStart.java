package dev.respawn.reloader.supervisor.faststart;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.respawn.reloader.options.Options;

/**
 * Adds to a {@code java} worker's command the JVM options that make it start faster in
 * development (C1 only, and a class-data-sharing archive of its jars that respawn makes after
 * the first start), says once which, and never adds one that contradicts the user's own.
 */
public final class FastStart implements AutoCloseable {

    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String NO_SHARING = "no class-data sharing: ";
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Options options;
    private final Consumer<String> say;
    private final SharedArchives archives;
    private final Path agentJar;
    private JarIndex agentIndex;
    private final Map<String, Optional<WorkerJvm>> jvms = new HashMap<>();
    private final Set<String> said = new HashSet<>();
    private boolean first = true;

    /** {@code say} prints one line on the terminal; archives go under the debug directory's {@code cds}. */
    public FastStart(Options options, Consumer<String> say) {
        this(options, say, null);
    }

    /**
     * @param agentJar respawn.jar, archived with the jars and put after them on the class path of a
     *        worker that maps the archive (its add-ons' libraries, Byte Buddy and JaCoCo, are most
     *        of what a debug-mode start loads); null to leave it where -javaagent puts it
     */
    public FastStart(Options options, Consumer<String> say, Path agentJar) {
        this(options, say, options.debugDirectory().resolve("cds"), SETTLE, agentJar);
    }

    FastStart(Options options, Consumer<String> say, Path archiveDirectory, Duration settle) {
        this(options, say, archiveDirectory, settle, null);
    }

    FastStart(Options options, Consumer<String> say, Path archiveDirectory, Duration settle, Path agentJar) {
        this.options = options;
        this.say = say;
        this.agentJar = agentJar == null ? null : agentJar.toAbsolutePath().normalize();
        this.archives = new SharedArchives(archiveDirectory, settle, say);
    }

    /**
     * The command to start the worker with: {@code command} itself unless it runs {@code java},
     * else with respawn's options after the executable and, when an archive is used, its jars
     * first on the class path.
     *
     * @param directory where the worker runs (relative class path entries and argument files)
     * @param environment the worker's environment (for {@code PATH} and {@code JAVA_TOOL_OPTIONS})
     */
    public List<String> command(List<String> command, Path directory, Map<String, String> environment) {
        return command(command, directory, environment, List.of());
    }

    /**
     * {@link #command(List, Path, Map)} for a worker that also gets {@code addOnOptions} (the add-ons' JVM
     * options, put in after the executable): those an archive must be dumped with too are.
     */
    public List<String> command(List<String> command, Path directory, Map<String, String> environment,
            List<String> addOnOptions) {
        if (command.isEmpty() || !JavaCommandLine.isJava(command.get(0))
                || !options.c1Only() && !options.classDataSharing()) {
            return command;
        }
        JavaCommandLine line = JavaCommandLine.parse(command);
        UserFlags flags = UserFlags.of(line, environment, directory);
        Optional<WorkerJvm> jvm = jvms.computeIfAbsent(line.executable(),
                executable -> WorkerJvm.of(executable, directory, environment.get("PATH")));
        List<String> added = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        if (options.c1Only()) {
            Optional<String> own = flags.compiler();
            if (own.isPresent()) {
                parts.add("the command's own " + own.get() + ", so not C1 only");
            } else if (jvm.isPresent() && !jvm.get().hotSpot()) {
                parts.add("not C1 only (not a HotSpot JVM)");
            } else if (options.profilerAskedFor()) {
                // C1's code is not what runs in production: one who asks for a profile by name gets C2's.
                // --debug-mode alone stays C1 only: it is run all day, and C2's compiler thread slows
                // its starts and hot swaps on a small machine.
                parts.add("the full JIT while profiling, not C1 only (" + C1_ONLY + " on the worker's command keeps C1 only)");
            } else {
                added.add(C1_ONLY);
                parts.add(C1_ONLY + " for C1 only (--no-c1-only turns it off)");
            }
        }
        Optional<String> classPath = Optional.empty();
        if (options.classDataSharing()) {
            Sharing sharing = sharing(line, flags, jvm, directory, addOnOptions);
            added.addAll(sharing.options());
            classPath = sharing.classPath();
            parts.add(sharing.description());
        }
        String last = parts.get(parts.size() - 1);
        if (first) {
            first = false;
            said.add(last);
            say.accept("faster starts: " + String.join("; ", parts));
        } else if (last.startsWith(NO_SHARING) && said.add(last)) {
            // A reason that came up since (a class folder now shadows a jar): once each.
            say.accept(last);
        }
        return line.rewritten(added, classPath);
    }

    /** Stops an archive being made, so no process outlives the supervisor. */
    @Override
    public void close() {
        archives.close();
    }

    private record Sharing(List<String> options, Optional<String> classPath, String description) {

        static Sharing off(String why) {
            return new Sharing(List.of(), Optional.empty(), NO_SHARING + why);
        }
    }

    /**
     * The class path with respawn.jar after the jars, unless a class folder holds a file that
     * respawn.jar holds too (it would find respawn's copy first): then as given.
     */
    private JarsFirst.Layout withAgent(JarsFirst.Layout given) {
        if (agentJar == null || !java.nio.file.Files.isRegularFile(agentJar)) {
            return given;
        }
        if (agentIndex == null) {
            agentIndex = AgentJarIndex.of(agentJar, archives.directory());
        }
        List<JarsFirst.Folder> folders = given.folders().stream().map(f -> new JarsFirst.Folder(f.path(), 0)).toList();
        JarsFirst.Layout alone = new JarsFirst.Layout(List.of(agentJar), given.others(), folders, 0);
        return JarsFirst.shadowing(alone, agentIndex).isPresent() ? given : given.withJar(agentJar);
    }

    private Sharing sharing(JavaCommandLine line, UserFlags flags, Optional<WorkerJvm> jvm, Path directory,
            List<String> addOnOptions) {
        Optional<String> own = flags.sharing().or(line::classPathUnsupported);
        if (own.isPresent()) {
            return Sharing.off(own.get().startsWith("-") ? "the command sets " + own.get() : own.get());
        }
        if (jvm.isEmpty()) {
            return Sharing.off("no JDK release file found for " + line.executable());
        }
        if (!jvm.get().hotSpot() || jvm.get().feature() < 11) {
            return Sharing.off("it needs a HotSpot JVM 11 or later");
        }
        JarsFirst.Layout given = JarsFirst.layout(line.classPath().orElseThrow(), directory);
        JarsFirst.Layout layout = withAgent(given);
        List<String> dumpOptions = new ArrayList<>(flags.archiveRelevant());
        if (jvm.get().feature() > 17) {
            // respawn's -javaagent adds java.instrument; a JDK 25 dumped without it says so with three
            // [error] lines at every start, and drops the archived module graph. JDK 17 keeps no
            // module graph with an agent either way, and would archive none with the option.
            dumpOptions.add(0, "--add-modules=java.instrument");
            // The profiler's --enable-native-access=ALL-UNNAMED: a JDK 25 worker whose archive was dumped
            // without it says so with [error] lines at every start and drops the archived module graph.
            addOnOptions.stream().filter(option -> option.startsWith("--enable-native-access")).forEach(dumpOptions::add);
        }
        ArchiveKey key = ArchiveKey.of(jvm.get(), layout.jars(), dumpOptions);
        String classes = "class-data sharing of the classes it loads from the JDK" + SharedArchives.andJars(layout.ownJars());
        // The first start records with the class path as given: only a start that maps the archive
        // moves the jars, and only it needs to know that no class folder shadows one of them.
        SharedArchives.Plan plan = archives.plan(key, jvm.get(), layout, dumpOptions);
        if (plan instanceof SharedArchives.Use use) {
            Optional<String> shadowing = JarsFirst.shadowing(layout, archives.index(key, layout.jars()));
            if (shadowing.isPresent()) {
                return Sharing.off(shadowing.get());
            }
            Optional<String> classPath = layout.jars().isEmpty() ? Optional.empty() : Optional.of(layout.classPath());
            return new Sharing(List.of("-XX:SharedArchiveFile=" + use.archive()), classPath,
                    classes + ", with " + use.archive() + " (--no-class-data-sharing turns it off)");
        }
        if (plan instanceof SharedArchives.Record record) {
            return new Sharing(List.of("-XX:DumpLoadedClassList=" + record.classList()), Optional.empty(),
                    classes + ", archived after this first start into " + archives.directory()
                            + " (--no-class-data-sharing turns it off)");
        }
        if (plan instanceof SharedArchives.Failed failed) {
            return Sharing.off(failed.why());
        }
        return new Sharing(List.of(), Optional.empty(), classes + ", once its archive is made"
                + " (--no-class-data-sharing turns it off)");
    }
}
