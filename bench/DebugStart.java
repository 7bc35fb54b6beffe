import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A debug-mode worker's start against a plain one, side by side in one run (issue 16's target: at
 * most 1.5x): under the supervisor as users run it, from the supervisor's start to the first
 * {@code /hello} answer, and the worker's own CPU time (all its threads, the JIT's too) by then.
 * Each configuration has its own copy of the example and keeps its class-data-sharing archive,
 * made by a first start that is not counted; the configurations alternate.
 *
 * <p>{@code RESPAWN_BENCH_DEBUGSTART_CONFIGS=plain,--debug-mode} measures only those configurations
 * (the add-ons alone take most of the run); {@code RESPAWN_BENCH_BEFORE_JAR=old/respawn.jar} adds
 * plain and {@code --debug-mode} with that build to the same rounds (before and after under the same
 * load). Each start also gives the supervisor's own CPU time until the answer (its JIT competes
 * with the worker's start for the cores).
 */
final class DebugStart {

    /** The name of each configuration, and its options. */
    private static final Map<String, List<String>> CONFIGS = new LinkedHashMap<>();

    static {
        CONFIGS.put("plain", List.of("--reload-on-changes"));
        CONFIGS.put("--debug-mode", List.of("--reload-on-changes", "--debug-mode"));
        CONFIGS.put("--capture-exceptions", List.of("--reload-on-changes", "--capture-exceptions"));
        CONFIGS.put("--enable-profiler", List.of("--reload-on-changes", "--enable-profiler"));
        CONFIGS.put("--enable-coverage", List.of("--reload-on-changes", "--enable-coverage"));
        CONFIGS.put("--enable-recorder", List.of("--reload-on-changes", "--enable-recorder"));
        CONFIGS.put("--enable-debugger", List.of("--reload-on-changes", "--enable-debugger"));
    }

    private static final String BEFORE = " (before)";

    private DebugStart() {
    }

    static void run() throws Exception {
        String only = System.getenv("RESPAWN_BENCH_DEBUGSTART_CONFIGS");
        if (only != null) {
            CONFIGS.keySet().retainAll(List.of(only.split(",")));
        }
        if (System.getenv("RESPAWN_BENCH_BEFORE_JAR") != null) {
            CONFIGS.put("plain" + BEFORE, CONFIGS.getOrDefault("plain", List.of("--reload-on-changes")));
            CONFIGS.put("--debug-mode" + BEFORE, List.of("--reload-on-changes", "--debug-mode"));
        }
        Map<String, Path> classes = new LinkedHashMap<>();
        for (String config : CONFIGS.keySet()) {
            classes.put(config, Bench.copyClasses("debugstart-" + name(config)));
            start(config, classes.get(config), true);
        }
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> supervisorCpu = new LinkedHashMap<>();
        int rounds = Bench.quick ? 3 : 7;
        for (int round = 0; round < rounds; round++) {
            for (String config : Bench.rotate(new ArrayList<>(CONFIGS.keySet()), round)) {
                double[] figures = start(config, classes.get(config), false);
                wall.computeIfAbsent(config, k -> new ArrayList<>()).add(figures[0]);
                cpu.computeIfAbsent(config, k -> new ArrayList<>()).add(figures[1]);
                supervisorCpu.computeIfAbsent(config, k -> new ArrayList<>()).add(figures[2]);
            }
        }
        for (String config : CONFIGS.keySet()) {
            Bench.say(String.format(Locale.ROOT, "debugstart %-24s start %6.0f ms, worker CPU %5.0f ms, supervisor CPU %5.0f ms"
                    + " (medians of %d; starts %s; worker CPU %s)", config, Bench.median(wall.get(config)),
                    Bench.median(cpu.get(config)), Bench.median(supervisorCpu.get(config)), wall.get(config).size(),
                    whole(wall.get(config)), whole(cpu.get(config))));
        }
        if (!CONFIGS.containsKey("plain") || !CONFIGS.containsKey("--debug-mode")) {
            return;
        }
        double plainWall = Bench.median(wall.get("plain"));
        double plainCpu = Bench.median(cpu.get("plain"));
        double debugWall = Bench.median(wall.get("--debug-mode"));
        double debugCpu = Bench.median(cpu.get("--debug-mode"));
        Bench.row("5. debug mode", "worker start, supervisor start to first response: plain / `--debug-mode`",
                Bench.fmt(plainWall) + " ms / " + Bench.fmt(debugWall) + " ms (" + ratio(debugWall / plainWall) + ")",
                "at most 1.5x", Bench.met(debugWall <= plainWall * 1.5));
        Bench.row("5. debug mode", "worker CPU time until it answers (every thread, JIT included): plain / `--debug-mode`",
                Bench.fmt(plainCpu) + " ms / " + Bench.fmt(debugCpu) + " ms (" + ratio(debugCpu / plainCpu) + ")",
                "at most 1.5x", Bench.met(debugCpu <= plainCpu * 1.5));
        StringBuilder each = new StringBuilder();
        for (String config : CONFIGS.keySet()) {
            if (config.startsWith("--enable") || config.equals("--capture-exceptions")) {
                each.append(each.length() == 0 ? "" : ", ").append('`').append(config).append("` ")
                        .append(Bench.fmt(Bench.median(wall.get(config)))).append(" ms / ")
                        .append(Bench.fmt(Bench.median(cpu.get(config)))).append(" ms CPU");
            }
        }
        Bench.row("5. debug mode", "each add-on alone: start / worker CPU (context)", each.toString(), "", "");
    }

    private static String whole(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }

    /**
     * Starts the supervisor, awaits the first answer: {wall ms, worker CPU ms, supervisor CPU ms}.
     * The first start also awaits the archive.
     */
    private static double[] start(String config, Path classes, boolean first) throws Exception {
        int port = Servers.freePort();
        List<String> options = new ArrayList<>(CONFIGS.get(config));
        if (options.contains("--debug-mode") || options.contains("--enable-debugger")) {
            options.addAll(List.of("--debugger-port", Integer.toString(Servers.freePort())));
        }
        String name = "debugstart-" + name(config);
        long start = System.nanoTime();
        List<String> command = Servers.supervised(options, classes, port);
        if (config.endsWith(BEFORE)) {
            command.set(command.indexOf(Bench.jar.toString()), System.getenv("RESPAWN_BENCH_BEFORE_JAR"));
        }
        Process p = Servers.start(command, name);
        Servers.awaitBody(port, "/hello", body -> body != null, 60_000);
        double wall = Bench.millisSince(start);
        // The whole process's CPU, threads that ended before the answer included (the profiler's
        // start runs on one), not only the threads alive now.
        long cpu = p.descendants().filter(h -> h.info().commandLine().orElse("").contains(Bench.MAIN))
                .mapToLong(h -> {
                    try {
                        return DebugModeBench.processCpuMillis(h.pid()) * 1_000_000;
                    } catch (Exception e) {
                        return 0;
                    }
                }).findFirst().orElse(0);
        long supervisor = Servers.cpuNanos(p.pid());
        if (first) {
            awaitArchive(Bench.work.resolve("run-" + name));
        }
        Servers.stop(p);
        return new double[] {wall, cpu / 1e6, supervisor / 1e6};
    }

    private static void awaitArchive(Path directory) throws Exception {
        long deadline = System.nanoTime() + 300_000_000_000L;
        Path cds = directory.resolve(".respawn/cds");
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(cds)) {
                try (Stream<Path> files = Files.list(cds)) {
                    if (files.anyMatch(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".failed"))) {
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        Bench.say("no class-data-sharing archive in " + cds + " after 5 minutes; measuring without");
    }

    private static String name(String config) {
        return config.replace("-", "").replace(BEFORE, "-before");
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx plain", ratio);
    }
}
