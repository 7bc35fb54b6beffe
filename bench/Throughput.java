import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The overhead section of {@link Bench}: requests per second of /hello and /work under wrk for
 * each configuration, and the worker's CPU time per request, the JIT compiler's threads left out.
 * Rounds rotate the order, and each figure is compared with plain's in the same round.
 *
 * <p>Two JVMs that run the same code can land some percent apart for their whole lives (the second
 * plain JVM shows how far), more than some targets allow on /hello. So the profiler's sampling is
 * also measured inside one JVM: async-profiler loaded at start, sampling switched on and off around
 * alternate measurements.
 */
final class Throughput {

    static final String PLAIN = "plain JVM";
    static final String PLAIN_AGAIN = "plain JVM, a second one (how far two identical servers land apart)";
    static final String PROFILER = "`--enable-profiler`";
    static final String SAMPLING = "async-profiler sampling as `--enable-profiler` does (ctimer, default interval),"
            + " on against off in one JVM";
    static final String SAMPLING_OFF = SAMPLING + " (off)";
    /** The rows compared with another row of the same round rather than with plain's mean. */
    static final Map<String, String> BASELINES = Map.of(PLAIN_AGAIN, PLAIN, SAMPLING, SAMPLING_OFF);

    static final List<String> ENDPOINTS = List.of("/hello", "/work");
    /** /work takes ~15 ms a request: 2 s keeps the few requests in flight at the end a small part. */
    static final Map<String, Integer> SECONDS = Map.of("/hello", 1, "/work", 2);

    /** Pairs of runs, sampling on and off, per round and endpoint. */
    static final Map<String, Integer> PAIRS = Map.of("/hello", 4, "/work", 2);

    static final Map<String, Double> TARGETS = Map.of("reload only", 0.97, "`--capture-exceptions`", 0.90,
            "`--enable-recorder`", 0.85, SAMPLING, 0.97);

    private final Map<String, Map<String, List<Double>>> rps = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Double>>> cpuPerRequest = new LinkedHashMap<>();

    private Throughput() {
    }

    static void run() throws Exception {
        new Throughput().measure();
    }

    private void measure() throws Exception {
        Path jacoco = Path.of(System.getProperty("user.home"),
                ".m2/repository/org/jacoco/org.jacoco.agent/0.8.14/org.jacoco.agent-0.8.14-runtime.jar");
        Map<String, List<String>> configs = new LinkedHashMap<>();
        configs.put(PLAIN, null);
        // The same plain JVM again: plain's figure is the mean of two, and the second against the
        // first shows how far apart two identical servers land.
        configs.put(PLAIN_AGAIN, null);
        // Workers are C1-only by default (a faster start): each add-on's cost is measured with the full JIT,
        // as the plain JVM runs, and what the default JIT costs has a row of its own.
        configs.put("reload only", List.of("--reload-on-changes", "--no-c1-only"));
        configs.put("reload only, respawn's default C1-only JIT", List.of("--reload-on-changes"));
        configs.put("`--capture-exceptions`", List.of("--reload-on-changes", "--no-c1-only", "--capture-exceptions"));
        configs.put("`--enable-coverage`", List.of("--reload-on-changes", "--no-c1-only", "--enable-coverage"));
        if (Files.exists(jacoco)) {
            configs.put("stock JaCoCo agent 0.8.14 (no respawn)", null);
        }
        configs.put("`--enable-recorder`", List.of("--reload-on-changes", "--no-c1-only", "--enable-recorder"));
        configs.put(PROFILER, List.of("--reload-on-changes", "--no-c1-only", "--enable-profiler"));
        Optional<Sampler> sampler = Sampler.extract();
        if (sampler.isPresent()) {
            configs.put(SAMPLING, null);
        }
        // RESPAWN_BENCH_CONFIGS="recorder|profiler" measures only the configurations whose names say so (and plain).
        String pick = System.getenv("RESPAWN_BENCH_CONFIGS");
        if (pick != null) {
            List<String> words = List.of(pick.split("\\|"));
            configs.keySet().removeIf(k -> !k.startsWith(PLAIN) && words.stream().noneMatch(k::contains));
        }
        // Every configuration runs at once, idle but for the one under load: the rounds then
        // alternate every few seconds, closer side by side than a restart per round would allow.
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Long> pids = new LinkedHashMap<>();
        List<Process> processes = new ArrayList<>();
        for (String config : configs.keySet()) {
            String name = "load-" + config.replaceAll("\\W", "");
            Path classes = Bench.copyClasses(name);
            int port = Servers.freePort();
            List<String> cmd;
            if (config.startsWith(PLAIN)) {
                cmd = Servers.worker(classes, port);
            } else if (config.startsWith("stock JaCoCo")) {
                cmd = Servers.workerWith(classes, port, "-javaagent:" + jacoco + "=destfile=" + Bench.work.resolve("jacoco.exec"));
            } else if (config.equals(SAMPLING)) {
                cmd = Servers.workerWith(classes, port, "-agentpath:" + sampler.get().library);
            } else {
                cmd = Servers.supervised(configs.get(config), classes, port);
            }
            processes.add(Servers.start(cmd, name));
            Servers.awaitBody(port, "/hello", body -> body != null, 60_000);
            ports.put(config, port);
            pids.put(config, Long.parseLong(Servers.get(port, "/pid")));
        }
        for (String config : configs.keySet()) {
            warmUntilTheJitIsQuiet(ports.get(config), pids.get(config));
        }
        int rounds = Bench.quick ? 3 : 12;
        for (int round = 0; round < rounds; round++) {
            for (String config : Bench.rotate(new ArrayList<>(configs.keySet()), round)) {
                for (String endpoint : ENDPOINTS) {
                    if (config.equals(SAMPLING)) {
                        // Off and on back to back, in turns first; more pairs than other rounds have
                        // runs, as the few percent sought are well inside one run's scatter on /hello.
                        for (int pair = 0; pair < (Bench.quick ? 1 : PAIRS.get(endpoint)); pair++) {
                            boolean onFirst = (round + pair) % 2 == 1;
                            for (boolean on : onFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                                sampler.get().switchTo(on, pids.get(config));
                                once(on ? SAMPLING : SAMPLING_OFF, endpoint, ports.get(config), pids.get(config));
                            }
                        }
                        sampler.get().switchTo(false, pids.get(config));
                    } else {
                        once(config, endpoint, ports.get(config), pids.get(config));
                    }
                }
            }
        }
        for (Process p : processes) {
            Servers.stop(p);
        }
        for (String endpoint : rps.keySet()) {
            report(endpoint);
        }
    }

    private void once(String config, String endpoint, int port, long pid) throws Exception {
        long cpu = Servers.workerCpuNanos(pid);
        double[] r = Servers.wrk(port, endpoint, SECONDS.get(endpoint));
        rps.computeIfAbsent(endpoint, k -> new LinkedHashMap<>()).computeIfAbsent(config, k -> new ArrayList<>()).add(r[0]);
        cpuPerRequest.computeIfAbsent(endpoint, k -> new LinkedHashMap<>())
                .computeIfAbsent(config, k -> new ArrayList<>()).add((Servers.workerCpuNanos(pid) - cpu) / 1e3 / r[1]);
    }

    private void report(String endpoint) {
        Map<String, List<Double>> byConfig = rps.get(endpoint);
        Map<String, List<Double>> cpuByConfig = cpuPerRequest.get(endpoint);
        List<Double> plain = means(byConfig.get(PLAIN), byConfig.get(PLAIN_AGAIN));
        List<Double> plainCpu = means(cpuByConfig.get(PLAIN), cpuByConfig.get(PLAIN_AGAIN));
        for (String config : byConfig.keySet()) {
            if (config.equals(SAMPLING_OFF)) {
                continue;
            }
            if (config.equals(PLAIN)) {
                Bench.row("3. overhead", "`" + endpoint + "` under wrk, plain JVM (the mean of two)",
                        String.format(Locale.ROOT, "%,.0f req/s (rounds %s); %,.0f µs CPU/request (rounds %s)",
                                Bench.median(plain), Bench.spread(plain), Bench.median(plainCpu), Bench.spread(plainCpu)),
                        "", "");
                continue;
            }
            // Each round's figure against its baseline's in the same round, then the median of those
            // ratios: the second plain JVM against the first, sampling on against off in its JVM,
            // everything else against plain.
            String baseline = BASELINES.get(config);
            List<Double> base = baseline == null ? plain : byConfig.get(baseline);
            List<Double> baseCpu = baseline == null ? plainCpu : cpuByConfig.get(baseline);
            String baseName = baseline == null ? "plain" : baseline.equals(PLAIN) ? "the first" : "off";
            double ratio = Bench.median(Bench.ratios(byConfig.get(config), base));
            List<Double> cpuRatios = Bench.ratios(cpuByConfig.get(config), baseCpu);
            double cpuRatio = Bench.median(cpuRatios);
            Double target = TARGETS.get(config);
            String figure = String.format(Locale.ROOT, "%,.0f req/s (%s of %s); %,.0f µs CPU/request (%s,"
                    + " middle half of rounds %s to %s)", Bench.median(byConfig.get(config)), Bench.pct(ratio),
                    baseName, Bench.median(cpuByConfig.get(config)), Bench.change(cpuRatio - 1),
                    Bench.change(Bench.quartile(cpuRatios, 1) - 1), Bench.change(Bench.quartile(cpuRatios, 3) - 1));
            Bench.row("3. overhead", "`" + endpoint + "` under wrk, " + config, figure,
                    target == null ? "" : "at least " + Math.round(target * 100) + "% of " + baseName,
                    target == null ? "" : verdict(ratio >= target, 1 / cpuRatio >= target));
        }
    }

    static List<Double> means(List<Double> a, List<Double> b) {
        List<Double> means = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            means.add((a.get(i) + b.get(i)) / 2);
        }
        return means;
    }

    /**
     * Serves /hello and /work until the worker's JIT compiler threads use under 2% of a core, or
     * 30 s have passed: C2 goes on compiling the request path for tens of seconds on these machines,
     * and a configuration measured while it compiles is measured half-interpreted.
     */
    static void warmUntilTheJitIsQuiet(int port, long pid) throws Exception {
        long began = System.nanoTime();
        double busy;
        do {
            long jit = Servers.jitCpuNanos(pid);
            long t = System.nanoTime();
            Servers.wrk(port, "/hello", 2);
            Servers.wrk(port, "/work", 1);
            busy = (Servers.jitCpuNanos(pid) - jit) / (double) (System.nanoTime() - t);
        } while ((busy > 0.02 || System.nanoTime() - began < TimeUnit.SECONDS.toNanos(Bench.quick ? 3 : 6))
                && System.nanoTime() - began < TimeUnit.SECONDS.toNanos(Bench.quick ? 6 : 30));
        Bench.say(String.format(Locale.ROOT, "  warmed :%d in %.0f s (JIT %.1f%% of a core at the end)", port,
                (System.nanoTime() - began) / 1e9, busy * 100));
    }

    /** The throughput verdict, and the CPU per request's when the two disagree (the noise's doing). */
    static String verdict(boolean byThroughput, boolean byCpu) {
        if (byThroughput == byCpu) {
            return Bench.met(byThroughput);
        }
        return Bench.met(byThroughput) + " (by CPU per request: " + (byCpu ? "met" : "not met") + ")";
    }

    /**
     * async-profiler's library and its {@code asprof} launcher, taken from respawn.jar (ap-loader's
     * copies), to switch sampling on and off in a JVM that loaded the library at start, as
     * {@code --enable-profiler} loads it from premain.
     */
    static final class Sampler {

        final Path library;
        final Path asprof;
        final Path jfr;
        private boolean sampling;

        private Sampler(Path library, Path asprof, Path jfr) {
            this.library = library;
            this.asprof = asprof;
            this.jfr = jfr;
        }

        /** Empty where respawn.jar holds no async-profiler for this machine (not Linux x64 or arm64). */
        static Optional<Sampler> extract() throws IOException {
            String arch = switch (System.getProperty("os.arch")) {
                case "amd64", "x86_64" -> "x64";
                case "aarch64" -> "arm64";
                default -> "";
            };
            if (!System.getProperty("os.name").equals("Linux") || arch.isEmpty()) {
                return Optional.empty();
            }
            Path dir = Files.createDirectories(Bench.work.resolve("async-profiler"));
            Path library = null;
            Path asprof = null;
            try (ZipFile jar = new ZipFile(Bench.jar.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.matches("libs/libasyncProfiler-[0-9.]+-linux-" + arch + "\\.so")) {
                        library = copy(jar, entry, dir.resolve("libasyncProfiler.so"));
                    } else if (name.matches("libs/asprof-[0-9.]+-linux-" + arch)) {
                        asprof = copy(jar, entry, dir.resolve("asprof"));
                        asprof.toFile().setExecutable(true);
                    }
                }
            }
            if (library == null || asprof == null) {
                return Optional.empty();
            }
            return Optional.of(new Sampler(library, asprof, dir.resolve("sampling.jfr")));
        }

        private static Path copy(ZipFile jar, ZipEntry entry, Path to) throws IOException {
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, to);
            }
            return to;
        }

        /** Starts sampling as respawn's {@code cpu} does on Linux (ctimer at async-profiler's default interval), or stops it. */
        void switchTo(boolean on, long pid) throws Exception {
            if (on == sampling) {
                return;
            }
            List<String> command = on
                    ? List.of(asprof.toString(), "start", "-e", "ctimer", "-o", "jfr", "-f", jfr.toString(),
                            "--libpath", library.toString(), Long.toString(pid))
                    : List.of(asprof.toString(), "stop", "-o", "jfr", "-f", jfr.toString(),
                            "--libpath", library.toString(), Long.toString(pid));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("asprof " + (on ? "start" : "stop") + " failed (" + code + "): " + out);
            }
            sampling = on;
        }
    }
}
