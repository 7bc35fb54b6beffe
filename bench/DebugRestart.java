import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A process restart in debug mode, with the warm JVM and without ({@code --no-warm-jvm}, as
 * before issue 16), against plain mode's, side by side: the supervisors alternate in each round.
 * Every change is made once the supervisor's processes are idle, so that a warm JVM, where there
 * is one, is waiting. Class-data sharing is off in all three (its archive changes the command once,
 * which makes one restart cold). Run with {@code bench/run --only=debugrestart}.
 */
class DebugRestart {

    private static final List<String> BASE = List.of("--reload-on-changes", "--reload-mode", "restart",
            "--no-class-data-sharing");

    static void run() throws Exception {
        Map<String, List<String>> configs = configs();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        Map<String, List<Long>> writes = new LinkedHashMap<>();
        int rounds = Bench.quick ? 1 : 3;
        int changes = Bench.quick ? 2 : 4;
        for (int round = 0; round < rounds; round++) {
            for (String config : Bench.rotate(List.copyOf(configs.keySet()), round)) {
                Path classes = Bench.copyClasses("debug-restart-" + config + "-" + round);
                int port = Servers.freePort();
                List<String> options = configs.get(config);
                if (config.startsWith("debug") || config.startsWith("enable-debugger")) {
                    // Not 5005: the machine is shared.
                    options = plus(options, "--debugger-port", Integer.toString(Servers.freePort()));
                }
                boolean warm = !config.contains("no-warm");
                List<String> command = new ArrayList<>(Servers.supervised(options, classes, port));
                // The worker's trace too: when a warm worker was told to go, and its CPU then (RestartPhases).
                command.add(command.size() - Servers.worker(classes, port).size() + 1, "-Drespawn.trace=true");
                if (config.contains("@")) {
                    String other = config.substring(config.indexOf('@') + 1).toUpperCase(java.util.Locale.ROOT);
                    command.set(command.indexOf(Bench.jar.toString()), System.getenv("RESPAWN_BENCH_" + other + "_JAR"));
                }
                // The supervisor's trace: how long the old worker took to stop, per restart (stopMillis).
                command.add(1, "-Drespawn.trace=true");
                Process p = Servers.start(command, "debug-restart-" + config);
                Servers.awaitBody(port, "/hello", body -> body != null, 120_000);
                for (int i = 0; i < changes; i++) {
                    String v = i % 2 == 0 ? "b" : "a";
                    awaitIdle(p, warm ? 2 : 1);
                    long start = System.nanoTime();
                    writes.computeIfAbsent(config, k -> new ArrayList<>()).add(System.currentTimeMillis());
                    Files.write(classes.resolve(Bench.PKG + "Greeting.class"), Bench.variants.get(v));
                    Servers.awaitBody(port, "/hello", body -> ("version " + v).equals(body), 120_000);
                    ms.computeIfAbsent(config, k -> new ArrayList<>()).add(Bench.millisSince(start));
                }
                Servers.stop(p);
            }
        }
        for (String config : configs.keySet()) {
            Bench.say("process restart, " + config + ": " + ms.get(config));
            Path log = Bench.work.resolve("debug-restart-" + config + ".log");
            List<Double> stops = stopMillis(log);
            Bench.say("  the old worker's stop (SIGTERM to its exit), " + config + ": median "
                    + (stops.isEmpty() ? "-" : Bench.fmt(Bench.median(stops))) + " ms of " + stops);
            RestartPhases.say(config, log, writes.get(config), ms.get(config));
        }
        if (!configs.containsKey("plain") || !configs.containsKey("debug-mode")
                || !configs.containsKey("debug-mode-no-warm")) {
            return;
        }
        double plain = Bench.median(ms.get("plain"));
        double warm = Bench.median(ms.get("debug-mode"));
        double cold = Bench.median(ms.get("debug-mode-no-warm"));
        Bench.row("6. debug mode", "class file written to new code answering, `--reload-mode restart`, plain mode",
                Bench.fmt(plain) + " ms", "", "");
        Bench.row("6. debug mode", "the same with `--debug-mode`, warm JVM", Bench.fmt(warm) + " ms ("
                + String.format(java.util.Locale.ROOT, "%.2fx", warm / plain) + " plain)", "at most 1.3x plain",
                Bench.met(warm <= plain * 1.3));
        Bench.row("6. debug mode", "the same with `--debug-mode --no-warm-jvm` (before issue 16)", Bench.fmt(cold)
                + " ms (warm/this " + String.format(java.util.Locale.ROOT, "%.2fx", warm / cold) + ")",
                "warm at most 0.6x this", Bench.met(warm <= cold * 0.6));
    }

    /**
     * plain, debug-mode and debug-mode-no-warm; or those named in RESPAWN_BENCH_RESTART_CONFIGS
     * (comma-separated), where any other name is plain with that option ({@code enable-debugger}:
     * {@code --enable-debugger}), to see whose a part of debug mode's restart is; a name ending in
     * {@code @x} runs the supervisor and agent of the jar RESPAWN_BENCH_X_JAR names instead of
     * respawn.jar ({@code debug-mode@before} and RESPAWN_BENCH_BEFORE_JAR: before and after side by side).
     */
    private static Map<String, List<String>> configs() {
        String named = System.getenv().getOrDefault("RESPAWN_BENCH_RESTART_CONFIGS", "plain,debug-mode,debug-mode-no-warm");
        Map<String, List<String>> configs = new LinkedHashMap<>();
        for (String name : named.split(",")) {
            String option = name.replaceFirst("@.*", "");
            configs.put(name, switch (option) {
                case "plain" -> BASE;
                case "debug-mode" -> plus(BASE, "--debug-mode");
                case "debug-mode-no-warm" -> plus(BASE, "--debug-mode", "--no-warm-jvm");
                default -> plus(BASE, "--" + option);
            });
        }
        return configs;
    }

    /**
     * Waits until the supervisor has {@code children} processes and all of them and the supervisor
     * used less than 20 ms of CPU in the last 500 ms (a warm JVM waiting, the worker serving nothing,
     * the supervisor done with the ended life's files, as a person's next change would find them),
     * 120 s at most.
     */
    static void awaitIdle(Process supervisor, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = supervisor.children().filter(ProcessHandle::isAlive).toList();
            if (children.size() == count) {
                List<ProcessHandle> tree = new ArrayList<>(children);
                tree.add(supervisor.toHandle());
                long before = cpu(tree);
                Thread.sleep(500);
                if (cpu(tree) - before < 20_000_000L) {
                    return;
                }
            } else {
                Thread.sleep(200);
            }
        }
    }

    private static long cpu(List<ProcessHandle> tree) throws IOException {
        long sum = 0;
        for (ProcessHandle process : tree) {
            try {
                sum += Servers.cpuNanos(process.pid());
            } catch (IOException e) {
                // It ended meanwhile.
            }
        }
        return sum;
    }

    /** From the supervisor's trace lines: "found tree and ports +A ms, stopped +B ms" gives B - A. */
    static List<Double> stopMillis(Path log) throws IOException {
        java.util.regex.Pattern stop = java.util.regex.Pattern.compile(
                "found tree and ports \\+(\\d+) ms, stopped \\+(\\d+) ms");
        List<Double> stops = new ArrayList<>();
        if (Files.isRegularFile(log)) {
            java.util.regex.Matcher matcher = stop.matcher(Files.readString(log));
            while (matcher.find()) {
                stops.add((double) (Long.parseLong(matcher.group(2)) - Long.parseLong(matcher.group(1))));
            }
        }
        return stops;
    }

    private static List<String> plus(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all;
    }
}
