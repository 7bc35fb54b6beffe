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

    private DebugStart() {
    }

    static void run() throws Exception {
        Map<String, Path> classes = new LinkedHashMap<>();
        for (String config : CONFIGS.keySet()) {
            classes.put(config, Bench.copyClasses("debugstart-" + name(config)));
            start(config, classes.get(config), true);
        }
        Map<String, List<Double>> wall = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        int rounds = Bench.quick ? 3 : 7;
        for (int round = 0; round < rounds; round++) {
            for (String config : Bench.rotate(new ArrayList<>(CONFIGS.keySet()), round)) {
                double[] figures = start(config, classes.get(config), false);
                wall.computeIfAbsent(config, k -> new ArrayList<>()).add(figures[0]);
                cpu.computeIfAbsent(config, k -> new ArrayList<>()).add(figures[1]);
            }
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

    /** Starts the supervisor, awaits the first answer: {wall ms, worker CPU ms}. The first start also awaits the archive. */
    private static double[] start(String config, Path classes, boolean first) throws Exception {
        int port = Servers.freePort();
        List<String> options = new ArrayList<>(CONFIGS.get(config));
        if (options.contains("--debug-mode") || options.contains("--enable-debugger")) {
            options.addAll(List.of("--debugger-port", Integer.toString(Servers.freePort())));
        }
        String name = "debugstart-" + name(config);
        long start = System.nanoTime();
        Process p = Servers.start(Servers.supervised(options, classes, port), name);
        Servers.awaitBody(port, "/hello", body -> body != null, 60_000);
        double wall = Bench.millisSince(start);
        long cpu = p.descendants().filter(h -> h.info().commandLine().orElse("").contains(Bench.MAIN))
                .mapToLong(h -> {
                    try {
                        return Servers.cpuNanos(h.pid());
                    } catch (Exception e) {
                        return 0;
                    }
                }).findFirst().orElse(0);
        if (first) {
            awaitArchive(Bench.work.resolve("run-" + name));
        }
        Servers.stop(p);
        return new double[] {wall, cpu / 1e6};
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
        return config.replace("-", "");
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx plain", ratio);
    }
}
