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
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

/**
 * respawn's benchmark against the hello-http example: change to served, detection and idle CPU,
 * throughput overhead of each add-on, and startup; {@link SpringBench} adds the Spring Boot example
 * against DevTools. Run through {@code bench/run}, which compiles {@code bench/*.java} with javac
 * and runs {@code java -cp bench/target Bench ROOT [--quick]}: no module, no build of its own.
 * {@link Throughput} holds the overhead section, {@link Servers} starts, loads and reads the servers.
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
            startup();
        }
        if (only.contains("debugstart")) {
            say("debug-mode start against a plain start, and each add-on alone");
            DebugStart.run();
        }
        if (only.contains("served")) {
            say("change to served: restart and hot swap");
            changeToServed();
        }
        if (only.contains("debug")) {
            say("debug mode: a method-body change and a structural change, plain and --debug-mode");
            DebugModeBench.run();
        }
        if (only.contains("detection")) {
            say("detection and idle CPU with 50,000 class files");
            detectionAndIdle();
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
        String md = "# Benchmarks\n\nWritten by `bench/run` on " + Instant.now().toString().substring(0, 16).replace('T', ' ')
                + " UTC in " + minutes + " s" + (quick ? " (--quick: fewer, shorter rounds)" : "") + ".\n\n"
                + machine + "  \nLoad average (1, 5, 15 min) before / after the run: " + loadBefore + " / " + loadAfter
                + " (the machine is shared; another engineer's build may have been running).\n\n"
                + "Targets from the speed issue (#8), for a 2-core machine. Reproduce with `bench/run`.\n\n"
                + table + "\n";
        Path notes = root.resolve("bench/NOTES.md");
        if (Files.exists(notes)) {
            md += "\n" + Files.readString(notes);
        }
        Files.writeString(root.resolve("BENCHMARKS.md"), md);
        say("wrote " + root.resolve("BENCHMARKS.md"));
    }

    // ---------------------------------------------------------------- the measurements

    /** Time to first response: plain JVM, the same JVM with the agent (reload only), and under the supervisor. */
    static void startup() throws Exception {
        Path classes = copyClasses("startup");
        Path emptyAgent = emptyAgent();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        int rounds = quick ? 3 : 9;
        for (int round = 0; round < rounds; round++) {
            List<String> order = rotate(List.of("plain", "empty agent", "agent", "supervisor"), round);
            for (String config : order) {
                int port = Servers.freePort();
                List<String> cmd = switch (config) {
                    case "plain" -> Servers.worker(classes, port);
                    case "agent" -> Servers.workerWith(classes, port, "-javaagent:" + jar + "=reload-on-changes");
                    case "empty agent" -> Servers.workerWith(classes, port, "-javaagent:" + emptyAgent);
                    default -> Servers.supervised(List.of("--reload-on-changes"), classes, port);
                };
                long start = System.nanoTime();
                Process p = Servers.start(cmd, "startup-" + config);
                Servers.awaitBody(port, "/hello", body -> body != null, 30_000);
                ms.computeIfAbsent(config, k -> new ArrayList<>()).add(millisSince(start));
                Servers.stop(p);
            }
        }
        double plain = median(ms.get("plain"));
        double agent = median(ms.get("agent"));
        row("4. startup", "start to first response, plain JVM", fmt(plain) + " ms", "", "");
        double empty = median(ms.get("empty agent"));
        row("4. startup", "start to first response, JVM with an empty `-javaagent` (the JVM's own cost of any agent)",
                fmt(empty) + " ms (" + change(empty / plain - 1) + ")", "", "");
        row("4. startup", "start to first response, JVM with the agent (reload only)", fmt(agent) + " ms ("
                + change(agent / plain - 1) + ")", "at most +10%", met(agent <= plain * 1.10));
        row("1. change to served", "cold start to first response, under the supervisor (context)",
                fmt(median(ms.get("supervisor"))) + " ms", "", "");
    }

    /** Writing a changed Greeting.class to the new text answering /hello, for a restart and a hot swap. */
    static void changeToServed() throws Exception {
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        int rounds = quick ? 2 : 5;
        int changes = 3;
        for (int round = 0; round < rounds; round++) {
            for (String mode : rotate(List.of("restart", "in-jvm", "auto", "restart-plain-jvm"), round)) {
                Path classes = copyClasses("served-" + mode + "-" + round);
                int port = Servers.freePort();
                List<String> options = mode.equals("restart-plain-jvm")
                        ? List.of("--reload-on-changes", "--reload-mode", "restart", "--no-c1-only", "--no-class-data-sharing")
                        : List.of("--reload-on-changes", "--reload-mode", mode);
                Process p = Servers.start(Servers.supervised(options, classes, port), "served-" + mode);
                Servers.awaitBody(port, "/hello", body -> body != null, 30_000);
                Thread.sleep(1000);
                for (int i = 0; i < changes; i++) {
                    String v = i % 2 == 0 ? "b" : "a";
                    Thread.sleep(700);
                    long start = System.nanoTime();
                    Files.write(classes.resolve(PKG + "Greeting.class"), variants.get(v));
                    Servers.awaitBody(port, "/hello", body -> ("version " + v).equals(body), 30_000);
                    ms.computeIfAbsent(mode, k -> new ArrayList<>()).add(millisSince(start));
                }
                Servers.stop(p);
            }
        }
        row("1. change to served", "class file written to new code answering, hot swap (default `auto`)",
                fmt(median(ms.get("auto"))) + " ms", "under 400 ms", met(median(ms.get("auto")) < 400));
        row("1. change to served", "class file written to new code answering, restart inside the JVM "
                + "(`--reload-mode in-jvm`; what `auto` does for a structural change)",
                fmt(median(ms.get("in-jvm"))) + " ms", "under 400 ms", met(median(ms.get("in-jvm")) < 400));
        row("1. change to served", "class file written to new code answering, `--reload-mode restart`",
                fmt(median(ms.get("restart"))) + " ms", "under 400 ms", met(median(ms.get("restart")) < 400));
        row("1. change to served", "the same without respawn's JVM defaults (`--no-c1-only --no-class-data-sharing`)",
                fmt(median(ms.get("restart-plain-jvm"))) + " ms", "", "");
    }

    /**
     * With 50,000 extra class files in the class folder: the supervisor's CPU while nothing changes,
     * then bursts of writes, timed from the last write to the start of the restart (from
     * {@code -Drespawn.trace=true}).
     */
    static void detectionAndIdle() throws Exception {
        Path classes = copyClasses("big");
        byte[] filler = variants.get("a");
        for (int d = 0; d < 100; d++) {
            Path dir = Files.createDirectories(classes.resolve("dev/respawn/generated/p" + d));
            for (int c = 0; c < 500; c++) {
                Files.write(dir.resolve("C" + c + ".class"), filler);
            }
        }
        int port = Servers.freePort();
        List<String> cmd = new ArrayList<>(Servers.supervised(List.of("--reload-on-changes", "--reload-mode", "restart"),
                classes, port));
        cmd.add(1, "-Drespawn.trace=true");
        Process p = Servers.start(cmd, "detection");
        Servers.awaitBody(port, "/hello", body -> body != null, 60_000);
        Thread.sleep(quick ? 2000 : 4000);
        List<Double> idle = new ArrayList<>();
        int windows = quick ? 2 : 4;
        for (int w = 0; w < windows; w++) {
            long cpu = Servers.cpuNanos(p.pid());
            long t = System.nanoTime();
            Thread.sleep(5000);
            idle.add((Servers.cpuNanos(p.pid()) - cpu) * 100.0 / (System.nanoTime() - t));
        }
        Path greeting = classes.resolve(PKG + "Greeting.class");
        Path order = classes.resolve(PKG + "Order.class");
        Path shop = classes.resolve(PKG + "Shop.class");
        byte[] orderBytes = Files.readAllBytes(order);
        byte[] shopBytes = Files.readAllBytes(shop);
        Path log = work.resolve("detection.log");
        List<Double> detection = new ArrayList<>();
        int bursts = quick ? 3 : 8;
        for (int b = 0; b < bursts; b++) {
            String v = b % 2 == 0 ? "b" : "a";
            Thread.sleep(700);
            int tracesBefore = Servers.traces(log).size();
            // A burst as a build writes it: three class files, 15 ms apart.
            Files.write(greeting, variants.get(v));
            Thread.sleep(15);
            Files.write(order, orderBytes);
            Thread.sleep(15);
            Files.write(shop, shopBytes);
            long lastWrite = System.currentTimeMillis();
            Servers.awaitBody(port, "/hello", body -> ("version " + v).equals(body), 30_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<Long> traces = Servers.traces(log);
            while (traces.size() <= tracesBefore && System.nanoTime() < deadline) {
                Thread.sleep(20);
                traces = Servers.traces(log);
            }
            if (traces.size() > tracesBefore) {
                detection.add((double) (traces.get(traces.size() - 1) - lastWrite));
            }
        }
        Servers.stop(p);
        Map<String, List<Double>> marks = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(found tree and ports|stopped|ports free|launched) \\+(\\d+) ms")
                .matcher(Files.readString(log));
        while (m.find()) {
            marks.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Double.parseDouble(m.group(2)));
        }
        Matcher up = Pattern.compile("restarted in (\\d+) ms").matcher(Files.readString(log));
        List<Double> restarted = new ArrayList<>();
        while (up.find()) {
            restarted.add(Double.parseDouble(up.group(1)));
        }
        if (!marks.isEmpty()) {
            StringBuilder b = new StringBuilder();
            marks.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" +").append(fmt(median(v))));
            row("1. change to served", "where a restart goes (supervisor's trace, ms from its start)", b + " ms"
                    + (restarted.isEmpty() ? "" : "; new worker listening +" + fmt(median(restarted)) + " ms"), "", "");
        }
        row("2. detection", "last write of a burst to the start of the restart (quiet period 50 ms), 50,000 class files",
                detection.isEmpty() ? "n/a" : fmt(median(detection)) + " ms", "at most 70 ms",
                detection.isEmpty() ? "?" : met(median(detection) <= 70));
        row("2. detection", "supervisor CPU while idle, watching 50,000 class files",
                String.format(Locale.ROOT, "%.2f%% of a core", median(idle)), "under 0.5%", met(median(idle) < 0.5));
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

    /** A jar whose premain does nothing: what any -javaagent costs the JVM, for comparison. */
    static Path emptyAgent() throws IOException {
        Path dir = Files.createDirectories(work.resolve("empty-agent"));
        Path source = dir.resolve("EmptyAgent.java");
        Files.writeString(source, "public class EmptyAgent { public static void premain(String a) { } }");
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()) != 0) {
            throw new IllegalStateException("javac failed for the empty agent");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "EmptyAgent");
        Path jarFile = dir.resolve("empty-agent.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile), manifest)) {
            out.putNextEntry(new JarEntry("EmptyAgent.class"));
            out.write(Files.readAllBytes(dir.resolve("EmptyAgent.class")));
            out.closeEntry();
        }
        return jarFile;
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
