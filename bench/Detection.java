import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Detection of a burst of writes among 50,000 class files, and the supervisor's idle CPU while it watches them. */
final class Detection {

    private Detection() {
    }

    /**
     * With 50,000 extra class files in the class folder: the supervisor's CPU while nothing changes,
     * then bursts of writes, timed from the last write to the start of the restart (from
     * {@code -Drespawn.trace=true}).
     */
    static void run() throws Exception {
        Path classes = Bench.copyClasses("big");
        byte[] filler = Bench.variants.get("a");
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
        Thread.sleep(Bench.quick ? 2000 : 4000);
        List<Double> idle = new ArrayList<>();
        int windows = Bench.quick ? 2 : 4;
        for (int w = 0; w < windows; w++) {
            long cpu = Servers.cpuNanos(p.pid());
            long t = System.nanoTime();
            Thread.sleep(5000);
            idle.add((Servers.cpuNanos(p.pid()) - cpu) * 100.0 / (System.nanoTime() - t));
        }
        Path greeting = classes.resolve(Bench.PKG + "Greeting.class");
        Path order = classes.resolve(Bench.PKG + "Order.class");
        Path shop = classes.resolve(Bench.PKG + "Shop.class");
        byte[] orderBytes = Files.readAllBytes(order);
        byte[] shopBytes = Files.readAllBytes(shop);
        Path log = Bench.work.resolve("detection.log");
        List<Double> detection = new ArrayList<>();
        int bursts = Bench.quick ? 3 : 8;
        for (int b = 0; b < bursts; b++) {
            String v = b % 2 == 0 ? "b" : "a";
            Thread.sleep(700);
            int tracesBefore = Servers.traces(log).size();
            // A burst as a build writes it: three class files, 15 ms apart.
            Files.write(greeting, Bench.variants.get(v));
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
            marks.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" +").append(Bench.fmt(Bench.median(v))));
            Bench.row("1. change to served", "where a restart goes (supervisor's trace, ms from its start)", b + " ms"
                    + (restarted.isEmpty() ? "" : "; new worker listening +" + Bench.fmt(Bench.median(restarted)) + " ms"), "", "");
        }
        Bench.row("2. detection", "last write of a burst to the start of the restart (quiet period 50 ms), 50,000 class files",
                detection.isEmpty() ? "n/a" : Bench.fmt(Bench.median(detection)) + " ms", "at most 70 ms",
                detection.isEmpty() ? "?" : Bench.met(Bench.median(detection) <= 70));
        Bench.row("2. detection", "supervisor CPU while idle, watching 50,000 class files",
                String.format(Locale.ROOT, "%.2f%% of a core", Bench.median(idle)), "under 0.5%", Bench.met(Bench.median(idle) < 0.5));
    }
}
