import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.ToolProvider;

/**
 * Debug mode's reloads side by side with plain mode's, on hello-http under the supervisor: a
 * method-body change (hot swap) and a structural change (a static field added: a restart inside
 * the JVM), from the class file written to the new text answering {@code /hello}. The two modes
 * alternate round by round, each round in a fresh server and copy of the class folder, and each
 * debug-mode figure is compared with the plain one of the same round.
 */
final class DebugModeBench {

    private static final String TEXT = "Hello from respawn";

    private DebugModeBench() {
    }

    static void run() throws Exception {
        Map<String, byte[]> structural = structuralVariants();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        Map<String, List<Double>> said = new LinkedHashMap<>();
        Map<String, List<Double>> redefined = new LinkedHashMap<>();
        Map<String, List<Double>> transformers = new LinkedHashMap<>();
        int rounds = Bench.quick ? 2 : 4;
        int changes = Bench.quick ? 3 : 5;
        for (int round = 0; round < rounds; round++) {
            for (String mode : Bench.rotate(List.of("plain", "debug", "debug-c1"), round)) {
                Path classes = Bench.copyClasses("debug-" + mode + "-" + round);
                int port = Servers.freePort();
                // Without class-data sharing: its archive is dumped by a JVM in the background for
                // the first seconds, which would take a core from whichever mode went first.
                List<String> options = mode.startsWith("debug")
                        ? List.of("--reload-on-changes", "--no-class-data-sharing", "--debug-mode", "--debugger-port",
                                Integer.toString(Servers.freePort()))
                        : List.of("--reload-on-changes", "--no-class-data-sharing");
                String log = "debug-" + mode + "-" + round;
                // The worker traces where each hot swap goes (the agent's "trace: hot swap" line).
                List<String> command = new ArrayList<>(Servers.supervised(options, classes, port));
                command.add(command.indexOf("--") + 2, "-Drespawn.trace=true");
                if (mode.equals("debug-c1")) {
                    // What the profiler's full JIT costs: the C1-only JIT respawn chooses when not profiling.
                    command.add(command.indexOf("--") + 2, "-XX:TieredStopAtLevel=1");
                }
                Process p = Servers.start(command, log);
                Servers.awaitBody(port, "/hello", body -> body != null, 120_000);
                Thread.sleep(1500);
                Path greeting = classes.resolve(Bench.PKG + "Greeting.class");
                // A first hot swap, not counted: it loads the classes of the hot swap's own path.
                Files.write(greeting, Bench.variants.get("a"));
                Servers.awaitBody(port, "/hello", body -> "version a".equals(body), 30_000);
                for (int i = 0; i < changes; i++) {
                    String v = i % 2 == 0 ? "b" : "a";
                    Thread.sleep(700);
                    long start = System.nanoTime();
                    Files.write(greeting, Bench.variants.get(v));
                    Servers.awaitBody(port, "/hello", body -> ("version " + v).equals(body), 30_000);
                    ms.computeIfAbsent(mode + " body", k -> new ArrayList<>()).add(Bench.millisSince(start));
                }
                for (int i = 0; i < changes; i++) {
                    String v = "s" + (i % 2 == 0 ? "b" : "a");
                    Thread.sleep(700);
                    long start = System.nanoTime();
                    Files.write(greeting, structural.get(v));
                    Servers.awaitBody(port, "/hello", body -> ("version " + v).equals(body), 60_000);
                    ms.computeIfAbsent(mode + " structural", k -> new ArrayList<>()).add(Bench.millisSince(start));
                }
                Servers.stop(p);
                String output = Files.readString(Bench.work.resolve(log + ".log"));
                said.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(afterFirst(output, "hot-swapped in (\\d+) ms"));
                redefined.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(afterFirst(output, "hot swap, .* redefined \\+(\\d+) ms"));
                transformers.computeIfAbsent(mode, k -> new ArrayList<>()).addAll(afterFirst(output, "transformers and parsing: (\\d+) ms"));
            }
        }
        double plainBody = Bench.median(ms.get("plain body"));
        double debugBody = Bench.median(ms.get("debug body"));
        double plainStructural = Bench.median(ms.get("plain structural"));
        double debugStructural = Bench.median(ms.get("debug structural"));
        String group = "5. debug mode";
        Bench.row(group, "method-body change written to served, hot swap, plain (context)", Bench.fmt(plainBody) + " ms", "", "");
        Bench.row(group, "the same with `--debug-mode` (every add-on on), hot swap", Bench.fmt(debugBody) + " ms ("
                + String.format(java.util.Locale.ROOT, "%.2fx", debugBody / plainBody) + " plain)", "at most 150 ms",
                Bench.met(debugBody <= 150));
        double c1Body = Bench.median(ms.get("debug-c1 body"));
        Bench.row(group, "the same with `--debug-mode` and C1 only (`-XX:TieredStopAtLevel=1` on the worker's command; "
                + "`--debug-mode` turns the full JIT on for the profiler)", Bench.fmt(c1Body) + " ms ("
                + String.format(java.util.Locale.ROOT, "%.2fx", c1Body / plainBody) + " plain)", "", "");
        if (!said.getOrDefault("plain", List.of()).isEmpty() && !said.getOrDefault("debug", List.of()).isEmpty()) {
            Bench.row(group, "the supervisor's own \"hot-swapped in\" (plan, redefinition and answer), plain / debug mode",
                    Bench.fmt(Bench.median(said.get("plain"))) + " / " + Bench.fmt(Bench.median(said.get("debug"))) + " ms", "", "");
        }
        if (!redefined.getOrDefault("plain", List.of()).isEmpty() && !redefined.getOrDefault("debug", List.of()).isEmpty()) {
            Bench.row(group, "of which the worker's `redefineClasses` (transformers, parsing, the VM's safepoint), plain / debug mode"
                    + " / debug mode C1 only; the add-ons' transformers and parsing in CPU time of the redefining thread",
                    Bench.fmt(Bench.median(redefined.get("plain"))) + " / " + Bench.fmt(Bench.median(redefined.get("debug")))
                    + " / " + Bench.fmt(Bench.median(redefined.get("debug-c1")))
                    + " ms; " + Bench.fmt(Bench.median(transformers.get("plain"))) + " / "
                    + Bench.fmt(Bench.median(transformers.get("debug"))) + " / "
                    + Bench.fmt(Bench.median(transformers.get("debug-c1"))) + " ms of CPU", "", "");
        }
        Bench.row(group, "structural change written to served, restart inside the JVM, plain (context)",
                Bench.fmt(plainStructural) + " ms", "", "");
        double ratio = debugStructural / plainStructural;
        Bench.row(group, "the same with `--debug-mode`", Bench.fmt(debugStructural) + " ms ("
                + String.format(java.util.Locale.ROOT, "%.2fx", ratio) + " plain)", "at most 1.3x plain", Bench.met(ratio <= 1.3));
        double c1Structural = Bench.median(ms.get("debug-c1 structural"));
        Bench.row(group, "the same with `--debug-mode` and C1 only", Bench.fmt(c1Structural) + " ms ("
                + String.format(java.util.Locale.ROOT, "%.2fx", c1Structural / plainStructural) + " plain)", "", "");
    }

    /** The figures a pattern's group captures in a server's output but the first (the uncounted first hot swap). */
    static List<Double> afterFirst(String output, String regex) {
        List<Double> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(output);
        while (m.find()) {
            found.add(Double.parseDouble(m.group(1)));
        }
        return found.size() > 1 ? found.subList(1, found.size()) : found;
    }

    /** Greeting.class with a static field of its own ("sa", "sb"): each differs in shape from the others. */
    static Map<String, byte[]> structuralVariants() throws IOException {
        String source = Files.readString(Bench.root.resolve("examples/hello-http/src/main/java/" + Bench.PKG + "Greeting.java"));
        Map<String, byte[]> compiled = new LinkedHashMap<>();
        for (String v : List.of("sa", "sb")) {
            Path dir = Files.createDirectories(Bench.work.resolve("variant-structural-" + v));
            Path file = dir.resolve("Greeting.java");
            Files.writeString(file, source.replace("public final class Greeting {",
                    "public final class Greeting {\n    static int " + v + "Field;\n").replace(TEXT, "version " + v));
            int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d",
                    dir.toString(), file.toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed for variant " + v);
            }
            compiled.put(v, Files.readAllBytes(dir.resolve(Bench.PKG + "Greeting.class")));
        }
        return compiled;
    }
}
