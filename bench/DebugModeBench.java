import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.ToolProvider;

/**
 * Debug mode's reloads side by side with plain mode's: a method-body change (hot swap) and a
 * structural change (a static field added: a restart inside the JVM), from the class file written
 * to the new text answering {@code /hello}. The modes alternate round by round, each round in a
 * fresh server and copy of the class folder, and each debug-mode figure is compared with plain's.
 * On hello-http: plain, {@code --debug-mode} (C1 only, its default) and, for the record,
 * {@code --debug-mode --no-c1-only} (the full JIT, what asking for the profiler by name gives).
 * {@code RESPAWN_BENCH_DEBUG_APPS=hello-http,spring-boot,javalin} measures those examples (the others
 * plain and {@code --debug-mode}, fewer rounds); {@code RESPAWN_BENCH_DEBUG_MODES=plain,debug} leaves
 * the full JIT out; {@code RESPAWN_BENCH_BEFORE_JAR=jar} adds {@code --debug-mode} with an earlier build
 * in the same rounds.
 */
final class DebugModeBench {

    /** An example the benchmark can serve: where its Greeting.java lives and what it answers. */
    record App(String name, String main, String pkg, String text, List<String> modes, int rounds, int changes) {

        Path classes() {
            return Bench.root.resolve("examples/" + name + "/target/classes");
        }

        List<String> worker(Path classes, int port) {
            Path lib = Bench.root.resolve("examples/" + name + "/target/lib");
            String cp = Files.isDirectory(lib) ? classes + ":" + lib + "/*" : classes.toString();
            return List.of(Bench.java.toString(), "-cp", cp, main, Integer.toString(port));
        }
    }

    static final Map<String, String[]> EXTRA = Map.of(
            "spring-boot", new String[] {"dev.respawn.examples.spring.SpringApp", "dev/respawn/examples/spring/",
                    "Hello from Spring Boot"},
            "javalin", new String[] {"dev.respawn.examples.javalin.JavalinApp", "dev/respawn/examples/javalin/",
                    "Hello from Javalin"},
            "undertow", new String[] {"dev.respawn.examples.undertow.UndertowApp", "dev/respawn/examples/undertow/",
                    "Hello from Undertow"});

    private DebugModeBench() {
    }

    static void run() throws Exception {
        List<App> apps = new ArrayList<>();
        for (String name : System.getenv().getOrDefault("RESPAWN_BENCH_DEBUG_APPS", "hello-http").split(",")) {
            String app = name.strip();
            boolean hello = app.equals("hello-http");
            // RESPAWN_BENCH_DEBUG_MODES=plain,debug leaves the full JIT's row out (a shorter run).
            List<String> modes = new ArrayList<>(List.of(System.getenv().getOrDefault("RESPAWN_BENCH_DEBUG_MODES",
                    hello ? "plain,debug,debug-full" : "plain,debug").split(",")));
            // RESPAWN_BENCH_BEFORE_JAR=path/to/respawn.jar adds `--debug-mode` with that jar (a build before a change).
            if (System.getenv("RESPAWN_BENCH_BEFORE_JAR") != null) {
                modes.add("debug-before");
            }
            int rounds = hello ? (Bench.quick ? 2 : 4) : (Bench.quick ? 1 : 2);
            int changes = hello ? (Bench.quick ? 3 : 5) : 3;
            if (hello) {
                apps.add(new App(app, Bench.MAIN, Bench.PKG, "Hello from respawn", modes, rounds, changes));
            } else if (EXTRA.containsKey(app)) {
                String[] known = EXTRA.get(app);
                apps.add(new App(app, known[0], known[1], known[2], modes, rounds, changes));
            } else {
                throw new IllegalArgumentException("RESPAWN_BENCH_DEBUG_APPS: no example " + app + " (hello-http, "
                        + String.join(", ", EXTRA.keySet()) + ")");
            }
        }
        for (App app : apps) {
            run(app);
        }
    }

    static void run(App app) throws Exception {
        Map<String, byte[]> body = Bench.greetingVariants(app.name(), app.pkg(), app.text());
        Map<String, byte[]> structural = structuralVariants(app);
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> said = new LinkedHashMap<>();
        Map<String, List<Double>> redefined = new LinkedHashMap<>();
        Map<String, List<Double>> transformers = new LinkedHashMap<>();
        Map<String, List<Double>> restarted = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> steps = new LinkedHashMap<>();
        List<String> loads = new ArrayList<>();
        for (int round = 0; round < app.rounds(); round++) {
            loads.add(Bench.loadAverage().split(" ")[0]);
            for (String mode : Bench.rotate(app.modes(), round)) {
                String log = "debug-" + app.name() + "-" + mode + "-" + round;
                Path classes = Bench.copyTree(app.classes(), Bench.work.resolve("classes-" + log));
                int port = Servers.freePort();
                // Without class-data sharing: its archive is dumped by a JVM in the background for
                // the first seconds, which would take a core from whichever mode went first.
                List<String> options = new ArrayList<>(List.of("--reload-on-changes", "--no-class-data-sharing"));
                if (mode.startsWith("debug")) {
                    options.addAll(List.of("--debug-mode", "--debugger-port", Integer.toString(Servers.freePort())));
                }
                if (mode.equals("debug-full")) {
                    options.add("--no-c1-only");
                }
                // The worker traces where each hot swap and restart inside the JVM goes.
                String jar = mode.equals("debug-before") ? System.getenv("RESPAWN_BENCH_BEFORE_JAR") : Bench.jar.toString();
                List<String> command = new ArrayList<>(List.of(Bench.java.toString(), "-jar", jar));
                command.addAll(options);
                command.add("--");
                command.addAll(app.worker(classes, port));
                command.add(command.indexOf("--") + 2, "-Drespawn.trace=true");
                Process p = Servers.start(command, log);
                Servers.awaitBody(port, "/hello", answer -> answer != null, 300_000);
                Thread.sleep(1500);
                long worker = p.descendants().findFirst().orElseThrow().pid();
                Path greeting = classes.resolve(app.pkg() + "Greeting.class");
                // A first hot swap, not counted: it loads the classes of the hot swap's own path.
                Files.write(greeting, body.get("a"));
                Servers.awaitBody(port, "/hello", answer -> "version a".equals(answer), 60_000);
                for (int i = 0; i < app.changes(); i++) {
                    String v = i % 2 == 0 ? "b" : "a";
                    change(port, worker, greeting, body.get(v), "version " + v, mode + " body", ms, cpu);
                }
                for (int i = 0; i < app.changes(); i++) {
                    String v = "s" + (i % 2 == 0 ? "b" : "a");
                    change(port, worker, greeting, structural.get(v), "version " + v, mode + " structural", ms, cpu);
                }
                Servers.stop(p);
                String output = Files.readString(Bench.work.resolve(log + ".log"));
                said.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(afterFirst(output, "hot-swapped in (\\d+) ms"));
                redefined.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(afterFirst(output, "hot swap, .* redefined \\+(\\d+) ms"));
                transformers.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(afterFirst(output, "transformers and parsing: (\\d+) ms"));
                restarted.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(all(output, "restarted inside the JVM in (\\d+) ms"));
                Matcher step = Pattern.compile("trace: in-JVM restart, (.+?) \\+(\\d+) ms").matcher(output);
                while (step.find()) {
                    steps.computeIfAbsent(mode, k -> new LinkedHashMap<>()).computeIfAbsent(step.group(1), k -> new ArrayList<>())
                            .add(Double.parseDouble(step.group(2)));
                }
            }
        }
        report(app, ms, cpu, said, redefined, transformers, restarted, steps, loads);
    }

    /** Writes one change and waits for it to be served; records the wall time and the worker's CPU time. */
    private static void change(int port, long worker, Path greeting, byte[] bytes, String answer, String key,
            Map<String, List<Double>> ms, Map<String, List<Double>> cpu) throws Exception {
        Thread.sleep(700);
        long cpuBefore = processCpuMillis(worker);
        long start = System.nanoTime();
        Files.write(greeting, bytes);
        Servers.awaitBody(port, "/hello", answer::equals, 120_000);
        ms.computeIfAbsent(key, k -> new ArrayList<>()).add(Bench.millisSince(start));
        // What the worker spent serving the change, measured once it has settled a little.
        Thread.sleep(300);
        cpu.computeIfAbsent(key, k -> new ArrayList<>()).add((double) (processCpuMillis(worker) - cpuBefore));
    }

    /**
     * The process's CPU time (user and system, /proc/PID/stat, 10 ms ticks): unlike a sum over its
     * live threads' schedstat, it keeps the time of threads that ended, as a restart's old life's do.
     */
    static long processCpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are the 14th and 15th fields; after "pid (comm) " the 12th and 13th.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static void report(App app, Map<String, List<Double>> ms, Map<String, List<Double>> cpu,
            Map<String, List<Double>> said, Map<String, List<Double>> redefined, Map<String, List<Double>> transformers,
            Map<String, List<Double>> restarted, Map<String, Map<String, List<Double>>> steps, List<String> loads) {
        String group = "5. debug mode" + (app.name().equals("hello-http") ? "" : " (" + app.name() + ")");
        String loadNote = "; load average " + String.join(", ", loads) + " as the rounds began";
        for (String change : List.of("body", "structural")) {
            double plain = Bench.median(ms.get("plain " + change));
            double plainCpu = Bench.median(cpu.get("plain " + change));
            boolean body = change.equals("body");
            Bench.row(group, (body ? "method-body change written to served, hot swap" : "structural change written to served, "
                    + "restart inside the JVM") + ", plain (context)", Bench.fmt(plain) + " ms; worker CPU "
                    + Bench.fmt(plainCpu) + " ms" + loadNote, "", "");
            for (String mode : app.modes().subList(1, app.modes().size())) {
                double debug = Bench.median(ms.get(mode + " " + change));
                double debugCpu = Bench.median(cpu.get(mode + " " + change));
                double ratio = debug / plain;
                String what = switch (mode) {
                    case "debug" -> "the same with `--debug-mode` (every add-on on, C1 only)";
                    case "debug-full" -> "the same with `--debug-mode --no-c1-only` (the full JIT, as when the profiler is asked for by name)";
                    default -> "the same with `--debug-mode` and respawn.jar from before (`RESPAWN_BENCH_BEFORE_JAR`)";
                };
                boolean target = mode.equals("debug");
                Bench.row(group, what, Bench.fmt(debug) + " ms (" + x(ratio) + " plain); worker CPU " + Bench.fmt(debugCpu)
                        + " ms (" + x(debugCpu / plainCpu) + ")",
                        !target ? "" : body ? "at most 150 ms" : "at most 1.3x plain",
                        !target ? "" : Bench.met(body ? debug <= 150 : ratio <= 1.3));
            }
        }
        if (nonEmpty(said, app.modes())) {
            Bench.row(group, "the supervisor's own \"hot-swapped in\" (plan, redefinition and answer), " + String.join(" / ", app.modes()),
                    medians(said, app.modes()) + " ms", "", "");
        }
        if (nonEmpty(redefined, app.modes()) && nonEmpty(transformers, app.modes())) {
            Bench.row(group, "of which the worker's `redefineClasses` (transformers, parsing, the VM's safepoint), "
                    + String.join(" / ", app.modes()) + "; the add-ons' transformers and parsing in CPU time of the redefining thread",
                    medians(redefined, app.modes()) + " ms; " + medians(transformers, app.modes()) + " ms of CPU", "", "");
        }
        if (nonEmpty(restarted, app.modes())) {
            Bench.row(group, "the supervisor's own \"restarted inside the JVM in\" (to the new life listening), "
                    + String.join(" / ", app.modes()), medians(restarted, app.modes()) + " ms", "", "");
        }
        for (String mode : app.modes()) {
            Map<String, List<Double>> marks = steps.get(mode);
            if (marks != null) {
                StringBuilder where = new StringBuilder();
                marks.forEach((step, values) -> where.append(where.isEmpty() ? "" : ", ").append(step).append(" +")
                        .append(Bench.fmt(Bench.median(values))));
                Bench.row(group, "where a restart inside the JVM goes in the worker (`-Drespawn.trace=true`, ms from its "
                        + "start), " + mode, where + " ms", "", "");
            }
        }
    }

    private static boolean nonEmpty(Map<String, List<Double>> figures, List<String> modes) {
        return modes.stream().allMatch(mode -> !figures.getOrDefault(mode, List.of()).isEmpty());
    }

    private static String medians(Map<String, List<Double>> figures, List<String> modes) {
        return String.join(" / ", modes.stream().map(mode -> Bench.fmt(Bench.median(figures.get(mode)))).toList());
    }

    private static String x(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    /** The figures a pattern's group captures in a server's output but the first (the uncounted first hot swap). */
    static List<Double> afterFirst(String output, String regex) {
        List<Double> found = all(output, regex);
        return found.size() > 1 ? found.subList(1, found.size()) : found;
    }

    static List<Double> all(String output, String regex) {
        List<Double> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(output);
        while (m.find()) {
            found.add(Double.parseDouble(m.group(1)));
        }
        return found;
    }

    /** Greeting.class with a static field of its own ("sa", "sb"): each differs in shape from the others. */
    static Map<String, byte[]> structuralVariants(App app) throws IOException {
        String source = Files.readString(Bench.root.resolve("examples/" + app.name() + "/src/main/java/" + app.pkg()
                + "Greeting.java"));
        Map<String, byte[]> compiled = new LinkedHashMap<>();
        for (String v : List.of("sa", "sb")) {
            Path dir = Files.createDirectories(Bench.work.resolve("variant-structural-" + app.name() + "-" + v));
            Path file = dir.resolve("Greeting.java");
            Files.writeString(file, source.replace("public final class Greeting {",
                    "public final class Greeting {\n    static int " + v + "Field;\n").replace(app.text(), "version " + v));
            int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d",
                    dir.toString(), file.toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed for variant " + v + " of " + app.name());
            }
            compiled.put(v, Files.readAllBytes(dir.resolve(app.pkg() + "Greeting.class")));
        }
        return compiled;
    }
}
