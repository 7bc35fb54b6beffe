import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

/**
 * respawn's benchmark against the hello-http example: change to served, detection and idle CPU,
 * throughput overhead of each add-on, and startup; {@link SpringBench} adds the Spring Boot example
 * against DevTools. Run through {@code bench/run}, which compiles {@code bench/*.java} with javac
 * and runs {@code java -cp bench/target Bench ROOT [--quick]}: no module, no build of its own.
 * This class runs the sections a run asks for and holds what they share (the run's settings, the
 * table's rows, statistics and formatting); each section is its own class ({@link Startup},
 * {@link ChangeToServed}, {@link Detection}, {@link Throughput}, ...), and {@link Servers} starts,
 * loads and reads the servers.
 *
 * <p>Every figure is a median over rounds in which the configurations alternate, because
 * throughput on these 2-core machines scatters about ±10% from one run to the next.
 */
public class Bench {

    static final String PKG = "dev/respawn/examples/hello/";
    static final String MAIN = "dev.respawn.examples.hello.HelloServer";

    static Path root;
    static Path jar;
    static Path work;
    static Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    static boolean quick;
    static final Map<String, byte[]> variants = new LinkedHashMap<>();
    static final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        root = Path.of(args[0]).toAbsolutePath();
        quick = List.of(args).contains("--quick");
        // RESPAWN_BENCH_JAR measures another build than this tree's (a copy, so that a build meanwhile cannot change it).
        jar = System.getenv("RESPAWN_BENCH_JAR") != null ? Path.of(System.getenv("RESPAWN_BENCH_JAR"))
                : root.resolve("debug-agent/target/respawn.jar");
        work = Files.createTempDirectory("respawn-bench");
        Runtime.getRuntime().addShutdownHook(new Thread(Bench::cleanUp));
        String loadBefore = loadAverage();
        long began = System.nanoTime();
        compileVariants();

        List<String> only = List.of(List.of(args).stream().filter(a -> a.startsWith("--only=")).map(a -> a.substring(7))
                .findFirst().orElse("startup,debugstart,served,debug,detection,spring,throughput").split(","));
        if (only.contains("startup")) {
            say("startup: plain JVM, agent alone, supervisor");
            Startup.run();
        }
        if (only.contains("debugstart")) {
            say("debug-mode start against a plain start, and each add-on alone");
            DebugStart.run();
        }
        if (only.contains("served")) {
            say("change to served: restart and hot swap");
            ChangeToServed.run();
        }
        if (only.contains("debug")) {
            say("debug mode: a method-body change and a structural change, plain and --debug-mode");
            DebugModeBench.run();
        }
        if (only.contains("detection")) {
            say("detection and idle CPU with 50,000 class files");
            Detection.run();
        }
        if (only.contains("spring")) {
            say("Spring Boot: cold start, change to served with respawn and with DevTools");
            SpringBench.run();
        }
        if (only.contains("debugrestart")) {
            say("debug mode: a process restart with and without the warm JVM, and plain mode's");
            DebugRestart.run();
        }
        if (only.contains("throughput")) {
            say("throughput under wrk, each configuration in turn");
            Throughput.run();
        }

        String loadAfter = loadAverage();
        long minutes = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began);
        String machine = machine();
        String table = table();
        System.out.println();
        System.out.println(machine);
        System.out.println(table);
        Optional<String> selection = List.of(args).stream().filter(a -> a.startsWith("--only=")).findFirst();
        String name = "bench/run" + selection.map(a -> " " + a).orElse("");
        String block = "Written by `" + name + "` on " + Instant.now().toString().substring(0, 16).replace('T', ' ')
                + " UTC in " + minutes + " s" + (quick ? " (--quick: fewer, shorter rounds)" : "") + ".\n\n"
                + machine + "  \nLoad average (1, 5, 15 min) before / after the run: " + loadBefore + " / " + loadAfter
                + " (the machine is shared; another engineer's build may have been running).\n\n"
                + "Targets from the speed issue (#8), for a 2-core machine. Reproduce with `" + name + "`.\n\n"
                + table + "\n";
        Path notes = root.resolve("bench/NOTES.md");
        if (selection.isEmpty() && Files.exists(notes)) { // how it is measured goes with the full table
            block += "\n" + Files.readString(notes);
        }
        // Only this run's block: the file's other sections are other scripts' and people's.
        BenchmarksFile.write(root.resolve("BENCHMARKS.md"), name, block);
        say("wrote " + root.resolve("BENCHMARKS.md"));
    }

    static void cleanUp() {
        for (Process p : new ArrayList<>(Servers.RUNNING)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        if (System.getenv("RESPAWN_BENCH_KEEP") == null) {
            deleteTree(work);
        } else {
            System.err.println("bench: kept " + work);
        }
    }

    // ---------------------------------------------------------------- set-up and reporting

    /** Greeting.class answering "version a" and "version b", compiled in-process. */
    static void compileVariants() throws IOException {
        variants.putAll(greetingVariants("hello-http", PKG, "Hello from respawn"));
    }

    /** An example's Greeting.class with "version a" and "version b" in place of {@code text}, compiled in-process. */
    static Map<String, byte[]> greetingVariants(String example, String pkg, String text) throws IOException {
        String source = Files.readString(root.resolve("examples/" + example + "/src/main/java/" + pkg + "Greeting.java"));
        Map<String, byte[]> compiled = new LinkedHashMap<>();
        for (String v : List.of("a", "b")) {
            Path dir = Files.createDirectories(work.resolve("variant-" + example + "-" + v));
            Path file = dir.resolve("Greeting.java");
            Files.writeString(file, source.replace(text, "version " + v));
            int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d",
                    dir.toString(), file.toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed for variant " + v + " of " + example);
            }
            compiled.put(v, Files.readAllBytes(dir.resolve(pkg + "Greeting.class")));
        }
        return compiled;
    }

    static Path copyClasses(String name) throws IOException {
        return copyTree(root.resolve("examples/hello-http/target/classes"), work.resolve("classes-" + name));
    }

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Collections.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is no reason to fail the run
        }
    }

    static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("unknown CPU");
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + model + "), JDK "
                + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    static void row(String group, String what, String figure, String target, String met) {
        rows.add(new String[] {group, what, figure, target, met});
    }

    static String table() {
        StringBuilder b = new StringBuilder("| | what | median | target | met |\n|---|---|---|---|---|\n");
        List<String[]> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(r -> r[0])); // by section; stable within one
        for (String[] r : sorted) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return b.toString();
    }

    static <T> List<T> rotate(List<T> list, int by) {
        List<T> copy = new ArrayList<>(list);
        Collections.rotate(copy, -by);
        return copy;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The first (q = 1) or third (q = 3) quartile, by the nearest rank. */
    static double quartile(List<Double> values, int q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size() / 4.0) - 1));
    }

    static List<Double> ratios(List<Double> values, List<Double> base) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            r.add(values.get(i) / base.get(i));
        }
        return r;
    }

    /** The lowest and highest of the rounds, as a percentage around their median. */
    static String spread(List<Double> values) {
        double m = median(values);
        return change(Collections.min(values) / m - 1) + " to " + change(Collections.max(values) / m - 1);
    }

    static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.0f", ms);
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    static String change(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", ratio * 100);
    }

    static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    static void say(String what) {
        System.out.println("bench: " + what);
    }
}
