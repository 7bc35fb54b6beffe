import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The servers under test for {@link Bench}: their command lines, starting and stopping them,
 * loading them with wrk, reading their CPU time from /proc, and polling them over HTTP.
 */
final class Servers {

    /** Every server started and not yet stopped, killed on the way out. */
    static final List<Process> RUNNING = new ArrayList<>();

    private Servers() {
    }

    static List<String> worker(Path classes, int port) {
        return List.of(Bench.java.toString(), "-cp", classes.toString(), Bench.MAIN, Integer.toString(port));
    }

    static List<String> workerWith(Path classes, int port, String jvmOption) {
        return List.of(Bench.java.toString(), jvmOption, "-cp", classes.toString(), Bench.MAIN, Integer.toString(port));
    }

    static List<String> supervised(List<String> options, Path classes, int port) {
        List<String> cmd = new ArrayList<>(List.of(Bench.java.toString(), "-jar", Bench.jar.toString()));
        cmd.addAll(options);
        cmd.add("--");
        cmd.addAll(worker(classes, port));
        return cmd;
    }

    static Process start(List<String> cmd, String name) throws IOException {
        Path dir = Files.createDirectories(Bench.work.resolve("run-" + name));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Bench.work.resolve(name + ".log").toFile())).start();
        RUNNING.add(p);
        return p;
    }

    /** SIGTERM (the supervisor stops its worker), SIGKILL after 15 s. */
    static void stop(Process p) throws InterruptedException {
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
        }
        for (ProcessHandle h : tree) {
            h.destroyForcibly();
        }
        RUNNING.remove(p);
    }

    /** Requests per second and the number of requests, from one wrk run. */
    static double[] wrk(int port, String path, int seconds) throws Exception {
        String out = run(List.of("wrk", "-t1", "-c4", "-d" + seconds + "s", "http://127.0.0.1:" + port + path));
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher count = Pattern.compile("(\\d+) requests in").matcher(out);
        if (!rate.find() || !count.find()) {
            throw new IllegalStateException("wrk gave no figure: " + out);
        }
        return new double[] {Double.parseDouble(rate.group(1)), Double.parseDouble(count.group(1))};
    }

    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /**
     * CPU time of the whole process in nanoseconds: the sum over its threads of the first field of
     * /proc/PID/task/TID/schedstat (time on a CPU), finer than /proc/PID/stat's 10 ms clock ticks.
     */
    static long cpuNanos(long pid) throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    sum += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return sum;
    }

    /** The worker's CPU time in nanoseconds but its JIT compiler threads', whose work is warm-up, not serving. */
    static long workerCpuNanos(long pid) throws IOException {
        return threadCpuNanos(pid, false);
    }

    static long jitCpuNanos(long pid) throws IOException {
        return threadCpuNanos(pid, true);
    }

    /** The sum of schedstat over the threads whose name says JIT compiler ({@code C1/C2 CompilerThre}), or the others. */
    static long threadCpuNanos(long pid, boolean jit) throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    boolean compiler = Files.readString(task.resolve("comm")).matches("C[12] CompilerThre.*\\s*");
                    if (compiler == jit) {
                        sum += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return sum;
    }

    /** The start times (epoch ms) of every restart the supervisor traced so far. */
    static List<Long> traces(Path log) throws IOException {
        List<Long> found = new ArrayList<>();
        Matcher m = Pattern.compile("trace: began at epoch (\\d+) ms").matcher(Files.readString(log));
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    // HTTP, polled in-process

    /** Polls every millisecond with a fresh connection until the body matches; throws on timeout. */
    static void awaitBody(int port, String path, Predicate<String> done, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (done.test(get(port, path))) {
                return;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no matching answer from :" + port + path + " in " + timeoutMillis + " ms");
    }

    /** One GET with Connection: close; the body without its line end, or null when nothing answered. */
    static String get(int port, String path) {
        try (Socket s = new Socket()) {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 200")) {
                return null;
            }
            int body = response.indexOf("\r\n\r\n");
            return body < 0 ? null : response.substring(body + 4).strip();
        } catch (IOException e) {
            return null;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
