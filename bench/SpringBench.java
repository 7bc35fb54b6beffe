import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's Spring Boot section, on examples/spring-boot: cold start to first response, and a
 * changed Greeting.class to the new text served, with respawn and with Spring Boot DevTools' restart
 * (its defaults), the servers alternating round by round. Uses {@link Bench}'s processes, HTTP and
 * table.
 */
final class SpringBench {

    static final String EXAMPLE = "examples/spring-boot";
    static final String PKG = "dev/respawn/examples/spring/";
    static final String MAIN = "dev.respawn.examples.spring.SpringApp";
    static final String DEVTOOLS = "DevTools";
    static final String GROUP = "1. change to served (Spring Boot)";
    /** The supervisor's line for a process restart, with the time from its start to the new worker listening. */
    static final Pattern RESTARTED = Pattern.compile("restarted (?:inside the JVM )?in (\\d+) ms");

    /** How a change reaches the application: DevTools' restart, or the supervisor with these options. */
    static final List<Server> SERVERS = List.of(
            Server.devTools(),
            Server.respawn("process restart (`--reload-mode restart`)", "--reload-mode", "restart"),
            Server.respawn("restart inside the JVM (`--reload-mode in-jvm`; what `auto` does for a structural change)",
                    "--reload-mode", "in-jvm"),
            Server.respawn("default (`auto`: this change is a method body, so a hot swap)"));

    /** One way to serve the example: {@code options} for respawn's supervisor, or none for DevTools. */
    record Server(String name, List<String> options) {

        static Server devTools() {
            return new Server(DEVTOOLS, null);
        }

        static Server respawn(String what, String... options) {
            return new Server("respawn, " + what, List.of(options));
        }

        boolean isDevTools() {
            return options == null;
        }

        /** DevTools: its jar on the class path and the app run from its class folder, so its restart is on. */
        List<String> command(Path classes, int port) {
            if (isDevTools()) {
                return worker(classes, port, List.of("devtools-lib"));
            }
            List<String> cmd = new ArrayList<>(List.of(Bench.java.toString(), "-jar", Bench.jar.toString(),
                    "--reload-on-changes"));
            cmd.addAll(options);
            cmd.add("--");
            cmd.addAll(worker(classes, port, List.of()));
            return cmd;
        }
    }

    /** What one change took, and what the application kept across it. */
    record Change(double servedMs, long written, boolean samePid, boolean countKept) {
    }

    /** One server's start and the changes served by it, with its output. */
    record Run(Server server, List<Change> changes, String log) {
    }

    private SpringBench() {
    }

    static void run() throws Exception {
        Path lib = Bench.root.resolve(EXAMPLE + "/target/lib");
        if (!Files.isDirectory(lib) || !Files.isDirectory(Bench.root.resolve(EXAMPLE + "/target/devtools-lib"))) {
            throw new IllegalStateException(lib + " is missing: build the example (mvn -pl examples/spring-boot -am package)");
        }
        coldStart();
        changeToServed();
    }

    /** Process start to the first /hello answered: plain java -cp, under respawn, with DevTools (context). */
    static void coldStart() throws Exception {
        Path classes = copyClasses("spring-cold");
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        int rounds = Bench.quick ? 2 : 5;
        for (int round = 0; round < rounds; round++) {
            for (String config : Bench.rotate(List.of("plain", "respawn", DEVTOOLS), round)) {
                int port = Servers.freePort();
                List<String> cmd = switch (config) {
                    case "plain" -> worker(classes, port, List.of());
                    case "respawn" -> new Server("respawn", List.of()).command(classes, port);
                    default -> Server.devTools().command(classes, port);
                };
                long start = System.nanoTime();
                Process p = Servers.start(cmd, "spring-cold-" + config);
                awaitServing(p, port, "spring-cold-" + config);
                ms.computeIfAbsent(config, k -> new ArrayList<>()).add(Bench.millisSince(start));
                Servers.stop(p);
            }
        }
        Bench.row(GROUP, "cold start to first response, plain `java -cp` (context)", Bench.fmt(Bench.median(ms.get("plain"))) + " ms", "", "");
        Bench.row(GROUP, "cold start to first response, under respawn's supervisor / with DevTools (context)",
                Bench.fmt(Bench.median(ms.get("respawn"))) + " / " + Bench.fmt(Bench.median(ms.get(DEVTOOLS))) + " ms", "", "");
    }

    /** A changed Greeting.class written to the new text answering /hello, for every server, alternating. */
    static void changeToServed() throws Exception {
        Map<String, byte[]> variants = Bench.greetingVariants("spring-boot", PKG, "Hello from Spring Boot");
        List<Run> runs = new ArrayList<>();
        // The pause before each change is drawn at random over more than DevTools' 1 s poll, so its
        // changes land at every phase of the poll, as a developer's would.
        Random pauses = new Random(8);
        int rounds = Bench.quick ? 2 : 4;
        for (int round = 0; round < rounds; round++) {
            for (Server server : Bench.rotate(SERVERS, round)) {
                String name = "spring-served-" + SERVERS.indexOf(server) + "-" + round;
                List<Change> changes = changesServed(server, name, variants, pauses);
                runs.add(new Run(server, changes, Files.readString(Bench.work.resolve(name + ".log"))));
            }
        }
        report(runs);
    }

    /** One server started on a fresh copy of the class folder, then a few changes, each timed to served. */
    static List<Change> changesServed(Server server, String name, Map<String, byte[]> variants, Random pauses)
            throws Exception {
        Path classes = copyClasses(name);
        int port = Servers.freePort();
        Process p = Servers.start(server.command(classes, port), name);
        awaitServing(p, port, name);
        List<Change> run = new ArrayList<>();
        for (int i = 0; i < (Bench.quick ? 2 : 3); i++) {
            String v = i % 2 == 0 ? "b" : "a";
            String pid = Servers.get(port, "/pid");
            String count = Servers.get(port, "/count");
            Thread.sleep(700 + pauses.nextInt(1000));
            long written = System.currentTimeMillis();
            long start = System.nanoTime();
            Files.write(classes.resolve(PKG + "Greeting.class"), variants.get(v));
            Servers.awaitBody(port, "/hello", body -> ("version " + v).equals(body), 120_000);
            double served = Bench.millisSince(start);
            boolean samePid = pid.equals(Servers.get(port, "/pid"));
            boolean countKept = Integer.parseInt(Servers.get(port, "/count")) > Integer.parseInt(count);
            run.add(new Change(served, written, samePid, countKept));
        }
        Servers.stop(p);
        return run;
    }

    /** The rows: each server's median against DevTools', and where DevTools' and respawn's restarts spend it. */
    static void report(List<Run> runs) {
        double devTools = median(changesOf(runs, Server.devTools()));
        for (Server server : SERVERS) {
            List<Change> seen = changesOf(runs, server);
            double m = median(seen);
            String figure = Bench.fmt(m) + " ms; " + whatItDid(seen);
            if (server.isDevTools()) {
                Bench.row(GROUP, "class file written to new code answering, DevTools' restart (its defaults)", figure, "", "");
            } else {
                Bench.row(GROUP, "class file written to new code answering, " + server.name(),
                        figure + " (" + Bench.pct(m / devTools) + " of DevTools)", "at most half of DevTools",
                        Bench.met(m <= devTools / 2));
            }
        }
        List<double[]> devToolsPhases = new ArrayList<>();
        runs.stream().filter(run -> run.server().isDevTools())
                .forEach(run -> devToolsPhases.addAll(devToolsPhases(run.log(), run.changes())));
        if (!devToolsPhases.isEmpty()) {
            Bench.row(GROUP, "where DevTools' change to served goes (from its log, per change)",
                    "written to restart triggered " + Bench.fmt(Bench.median(column(devToolsPhases, 0)))
                            + " ms (its poll and quiet period); triggered to application started "
                            + Bench.fmt(Bench.median(column(devToolsPhases, 1))) + " ms; started to answering "
                            + Bench.fmt(Bench.median(column(devToolsPhases, 2))) + " ms", "", "");
        }
        for (Server server : SERVERS) {
            List<Double> restarted = runs.stream().filter(run -> run.server().equals(server))
                    .flatMap(run -> RESTARTED.matcher(run.log()).results())
                    .map(found -> Double.parseDouble(found.group(1))).toList();
            if (!server.isDevTools() && !restarted.isEmpty()) {
                Bench.row(GROUP, "where the time goes, " + server.name() + ": restart begun to new worker listening "
                        + "(the supervisor's own line)", Bench.fmt(Bench.median(restarted)) + " ms", "", "");
            }
        }
    }

    /** Waits for the first answer from /hello; fails at once, naming the log, if the process ends first. */
    static void awaitServing(Process p, int port, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (Servers.get(port, "/hello") == null) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + p.exitValue()
                        + " before answering /hello; its output: " + Bench.work.resolve(name + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not answer /hello within 2 minutes; its output: "
                        + Bench.work.resolve(name + ".log"));
            }
            Thread.sleep(1);
        }
    }

    /**
     * For each change, from DevTools' log: written to "Restarting due to" (its watcher), to "Started
     * SpringApp" (stop and start in the JVM), to answering (the first requests through a new context).
     */
    static List<double[]> devToolsPhases(String text, List<Change> run) {
        List<Long> triggered = timestamps(text, "Restarting due to");
        List<Long> started = timestamps(text, "Started SpringApp in");
        List<double[]> phases = new ArrayList<>();
        for (Change change : run) {
            long trigger = firstAtOrAfter(triggered, change.written());
            long up = firstAtOrAfter(started, trigger);
            if (trigger >= 0 && up >= 0) {
                double servedAt = change.written() + change.servedMs();
                phases.add(new double[] {trigger - change.written(), up - trigger, servedAt - up});
            }
        }
        return phases;
    }

    static long firstAtOrAfter(List<Long> times, long from) {
        return from < 0 ? -1 : times.stream().filter(t -> t >= from).findFirst().orElse(-1L);
    }

    /** Epoch ms of every Spring Boot log line containing {@code marker} (its default pattern starts with an ISO time). */
    static List<Long> timestamps(String log, String marker) {
        Matcher m = Pattern.compile("(?m)^(\\S+)\\s+\\w+ .*" + Pattern.quote(marker)).matcher(log);
        List<Long> found = new ArrayList<>();
        while (m.find()) {
            found.add(OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli());
        }
        return found;
    }

    /** What the changes did to the application, e.g. "same JVM, state reset" (or "same or new JVM" where they differed). */
    static String whatItDid(List<Change> seen) {
        boolean allSame = seen.stream().allMatch(Change::samePid);
        boolean noneSame = seen.stream().noneMatch(Change::samePid);
        boolean allKept = seen.stream().allMatch(Change::countKept);
        boolean noneKept = seen.stream().noneMatch(Change::countKept);
        String jvm = allSame ? "same JVM" : noneSame ? "new JVM" : "same or new JVM";
        String state = allKept ? "state kept" : noneKept ? "state reset" : "state kept or reset";
        return jvm + ", " + state;
    }

    static List<String> worker(Path classes, int port, List<String> extraLibs) {
        Path example = Bench.root.resolve(EXAMPLE + "/target");
        StringBuilder cp = new StringBuilder(classes.toString()).append(":").append(example.resolve("lib")).append("/*");
        for (String extra : extraLibs) {
            cp.append(":").append(example.resolve(extra)).append("/*");
        }
        return List.of(Bench.java.toString(), "-cp", cp.toString(), MAIN, Integer.toString(port));
    }

    static Path copyClasses(String name) throws IOException {
        return Bench.copyTree(Bench.root.resolve(EXAMPLE + "/target/classes"), Bench.work.resolve("classes-" + name));
    }

    static List<Change> changesOf(List<Run> runs, Server server) {
        return runs.stream().filter(run -> run.server().equals(server)).flatMap(run -> run.changes().stream()).toList();
    }

    static double median(List<Change> changes) {
        return Bench.median(changes.stream().map(Change::servedMs).toList());
    }

    static List<Double> column(List<double[]> rows, int index) {
        return rows.stream().map(r -> r[index]).toList();
    }
}
