import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

/** Startup: time to the first answer of a plain JVM, one with an empty agent, one with respawn's agent, and the supervisor. */
final class Startup {

    private Startup() {
    }

    /** Time to first response: plain JVM, the same JVM with the agent (reload only), and under the supervisor. */
    static void run() throws Exception {
        Path classes = Bench.copyClasses("startup");
        Path emptyAgent = emptyAgent();
        Map<String, List<Double>> ms = new LinkedHashMap<>();
        int rounds = Bench.quick ? 3 : 9;
        for (int round = 0; round < rounds; round++) {
            List<String> order = Bench.rotate(List.of("plain", "empty agent", "agent", "supervisor"), round);
            for (String config : order) {
                int port = Servers.freePort();
                List<String> cmd = switch (config) {
                    case "plain" -> Servers.worker(classes, port);
                    case "agent" -> Servers.workerWith(classes, port, "-javaagent:" + Bench.jar + "=reload-on-changes");
                    case "empty agent" -> Servers.workerWith(classes, port, "-javaagent:" + emptyAgent);
                    default -> Servers.supervised(List.of("--reload-on-changes"), classes, port);
                };
                long start = System.nanoTime();
                Process p = Servers.start(cmd, "startup-" + config);
                Servers.awaitBody(port, "/hello", body -> body != null, 30_000);
                ms.computeIfAbsent(config, k -> new ArrayList<>()).add(Bench.millisSince(start));
                Servers.stop(p);
            }
        }
        double plain = Bench.median(ms.get("plain"));
        double agent = Bench.median(ms.get("agent"));
        Bench.row("4. startup", "start to first response, plain JVM", Bench.fmt(plain) + " ms", "", "");
        double empty = Bench.median(ms.get("empty agent"));
        Bench.row("4. startup", "start to first response, JVM with an empty `-javaagent` (the JVM's own cost of any agent)",
                Bench.fmt(empty) + " ms (" + Bench.change(empty / plain - 1) + ")", "", "");
        Bench.row("4. startup", "start to first response, JVM with the agent (reload only)", Bench.fmt(agent) + " ms ("
                + Bench.change(agent / plain - 1) + ")", "at most +10%", Bench.met(agent <= plain * 1.10));
        Bench.row("1. change to served", "cold start to first response, under the supervisor (context)",
                Bench.fmt(Bench.median(ms.get("supervisor"))) + " ms", "", "");
    }


    /** A jar whose premain does nothing: what any -javaagent costs the JVM, for comparison. */
    private static Path emptyAgent() throws IOException {
        Path dir = Files.createDirectories(Bench.work.resolve("empty-agent"));
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
}
