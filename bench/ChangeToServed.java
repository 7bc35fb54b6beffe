import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Change to served on hello-http: a changed class file written to the new text answering, per reload mode. */
final class ChangeToServed {

    private ChangeToServed() {
    }

    /** Writing a changed Greeting.class to the new text answering /hello, for a restart and a hot swap. */
    static void run() throws Exception {
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        int rounds = Bench.quick ? 2 : 5;
        int changes = 3;
        for (int round = 0; round < rounds; round++) {
            for (String mode : Bench.rotate(List.of("restart", "in-jvm", "auto", "restart-plain-jvm"), round)) {
                Path classes = Bench.copyClasses("served-" + mode + "-" + round);
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
                    Files.write(classes.resolve(Bench.PKG + "Greeting.class"), Bench.variants.get(v));
                    Servers.awaitBody(port, "/hello", body -> ("version " + v).equals(body), 30_000);
                    ms.computeIfAbsent(mode, k -> new ArrayList<>()).add(Bench.millisSince(start));
                }
                Servers.stop(p);
            }
        }
        Bench.row("1. change to served", "class file written to new code answering, hot swap (default `auto`)",
                Bench.fmt(Bench.median(ms.get("auto"))) + " ms", "under 400 ms", Bench.met(Bench.median(ms.get("auto")) < 400));
        Bench.row("1. change to served", "class file written to new code answering, restart inside the JVM "
                + "(`--reload-mode in-jvm`; what `auto` does for a structural change)",
                Bench.fmt(Bench.median(ms.get("in-jvm"))) + " ms", "under 400 ms", Bench.met(Bench.median(ms.get("in-jvm")) < 400));
        Bench.row("1. change to served", "class file written to new code answering, `--reload-mode restart`",
                Bench.fmt(Bench.median(ms.get("restart"))) + " ms", "under 400 ms", Bench.met(Bench.median(ms.get("restart")) < 400));
        Bench.row("1. change to served", "the same without respawn's JVM defaults (`--no-c1-only --no-class-data-sharing`)",
                Bench.fmt(Bench.median(ms.get("restart-plain-jvm"))) + " ms", "", "");
    }
}
