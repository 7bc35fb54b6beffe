import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Requests lost across reloads (issue 19's target: 0), through {@code --front-port} and, as the
 * baseline, straight to the worker's port at the same time: a fixed-rate loopback load on
 * {@code /hello} (half on keep-alive connections, half on a new connection per request) while the
 * supervisor makes N reloads of each mode it can on each example, hot swap (a string constant of
 * Greeting.class toggled), restart inside the JVM ({@code rs}) and process restart
 * ({@code rs} under {@code --reload-mode restart}). Run by {@code bench/front-reloads.sh}.
 */
public class FrontReloads {

    private static final Pattern HOT_SWAPPED = Pattern.compile("hot-swapped in \\d+ ms");
    private static final Pattern IN_JVM = Pattern.compile("restarted inside the JVM in \\d+ ms");
    // What the supervisor says when a new worker process listens (a process restart on `rs`).
    private static final Pattern PROCESS = Pattern.compile("worker pid \\d+ up in \\d+ ms");
    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration RELOADED = Duration.ofMinutes(2);

    /** An example: how to run it on a port, and which class constant a hot swap toggles. */
    record Example(String name, String main, String swapClass, String greeting) {

        List<String> command(Path repo, Path classes, int port) {
            Path root = repo.resolve("examples").resolve(name);
            if (main == null) {
                return List.of(java(), "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port, "-jar",
                        root.resolve("target/quarkus-app/quarkus-run.jar").toString());
            }
            String cp = classes.toString();
            if (Files.isDirectory(root.resolve("target/lib"))) {
                cp += ":" + root.resolve("target/lib") + "/*";
            }
            return List.of(java(), "-cp", cp, main, Integer.toString(port));
        }
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("hello-http", "dev.respawn.examples.hello.HelloServer", "dev/respawn/examples/hello/Greeting.class",
                    "Hello from respawn"),
            new Example("spring-boot", "dev.respawn.examples.spring.SpringApp", "dev/respawn/examples/spring/Greeting.class",
                    "Hello from Spring Boot"),
            new Example("javalin", "dev.respawn.examples.javalin.JavalinApp", "dev/respawn/examples/javalin/Greeting.class",
                    "Hello from Javalin"),
            new Example("vertx", "dev.respawn.examples.vertx.VertxApp", "dev/respawn/examples/vertx/Greeting.class",
                    "Hello from Vert.x"),
            // A -jar application: its classes are in jars, so neither hot swaps nor restarts inside the JVM.
            new Example("quarkus", null, null, null));

    enum Mode { HOTSWAP, IN_JVM, PROCESS }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]).toAbsolutePath();
        int reloads = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        List<String> names = List.of(args[3].split(","));
        Path work = Files.createTempDirectory("front-reloads");
        System.out.printf("%d reloads per mode, %d requests/s on each path (front, direct), work folder %s%n",
                reloads, rate, work);
        List<String> rows = new ArrayList<>();
        for (String name : names) {
            Example example = EXAMPLES.stream().filter(e -> e.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no example " + name));
            if (example.swapClass != null) {
                rows.addAll(run(repo, work, example, List.of(Mode.HOTSWAP, Mode.IN_JVM), reloads, rate));
            }
            rows.addAll(run(repo, work, example, List.of(Mode.PROCESS), reloads, rate));
        }
        System.out.println();
        System.out.println(Stats.HEADER);
        rows.forEach(System.out::println);
    }

    /** One supervisor (with the front) for the given modes, one after the other, under load all along. */
    static List<String> run(Path repo, Path work, Example example, List<Mode> modes, int reloads, int rate) throws Exception {
        Path dir = Files.createDirectories(work.resolve(example.name + "-" + modes.get(0).name().toLowerCase(Locale.ROOT)));
        Path classes = dir.resolve("classes");
        Path built = repo.resolve("examples").resolve(example.name).resolve("target/classes");
        if (example.main != null) {
            copy(built, classes);
        }
        int port = freePort();
        int front = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar(repo).toString(), "--reload-on-changes",
                "--front-port", Integer.toString(front)));
        if (modes.contains(Mode.PROCESS)) {
            command.addAll(List.of("--reload-mode", "restart"));
        }
        command.add("--");
        command.addAll(example.command(repo, classes, port));
        Path log = dir.resolve("supervisor.log");
        Process supervisor = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Writer terminal = new java.io.OutputStreamWriter(supervisor.getOutputStream(), StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>();
        try {
            await(READY, () -> answers(front) && answers(port), "the first /hello of " + example.name, log);
            try (Load viaFront = new Load(front, rate); Load direct = new Load(port, rate)) {
                for (Mode mode : modes) {
                    Stats f = viaFront.phase();
                    Stats d = direct.phase();
                    String load0 = loadAverage();
                    byte[][] variants = mode == Mode.HOTSWAP ? variants(classes.resolve(example.swapClass), example.greeting) : null;
                    for (int i = 0; i < reloads; i++) {
                        Pattern done = switch (mode) {
                            case HOTSWAP -> HOT_SWAPPED;
                            case IN_JVM -> IN_JVM;
                            case PROCESS -> PROCESS;
                        };
                        long before = count(log, done);
                        if (mode == Mode.HOTSWAP) {
                            Files.write(classes.resolve(example.swapClass), variants[(i + 1) % 2]);
                        } else {
                            terminal.write("rs\n");
                            terminal.flush();
                        }
                        await(RELOADED, () -> count(log, done) > before, example.name + " " + mode + " reload " + (i + 1), log);
                        // Requests flow again through the front before the next reload.
                        long answered = f.answered();
                        await(RELOADED, () -> f.answered() > answered + 20, "requests after " + mode + " reload " + (i + 1), log);
                        Thread.sleep(300);
                    }
                    String load1 = loadAverage();
                    String mode_ = mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
                    String loads = "load " + load0 + "->" + load1;
                    rows.add(f.row(example.name, mode_, "front", reloads, loads));
                    rows.add(d.row(example.name, mode_, "direct", reloads, loads));
                    System.out.println(rows.get(rows.size() - 2));
                    System.out.println(rows.get(rows.size() - 1));
                }
                viaFront.phase();
                direct.phase();
            }
        } finally {
            stop(supervisor);
        }
        return rows;
    }

    /** The class file's bytes with its greeting constant as it is and with its first letter changed (same length). */
    static byte[][] variants(Path classFile, String greeting) throws IOException {
        byte[] original = Files.readAllBytes(classFile);
        byte[] needle = greeting.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(original, needle);
        if (at < 0 || indexOf(Arrays.copyOfRange(original, at + 1, original.length), needle) >= 0) {
            throw new IllegalStateException(classFile + " does not hold \"" + greeting + "\" once");
        }
        byte[] changed = original.clone();
        changed[at] = (byte) (changed[at] == 'J' ? 'K' : 'J');
        return new byte[][] {original, changed};
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * A fixed-rate load on one port: 4 threads on keep-alive connections and 4 opening a new
     * connection per request, each at an eighth of the rate (a request that waits delays its
     * thread's next one; no burst catches up afterwards).
     */
    static final class Load implements AutoCloseable {

        private static final int THREADS = 8;
        private final AtomicReference<Stats> stats = new AtomicReference<>(new Stats());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load(int port, int rate) {
            long period = 1_000_000_000L * THREADS / rate;
            for (int t = 0; t < THREADS; t++) {
                boolean keepAlive = t % 2 == 0;
                long offset = period * t / THREADS;
                Thread thread = new Thread(() -> loop(port, keepAlive, period, offset), "load-" + port + "-" + t);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void loop(int port, boolean keepAlive, long period, long offset) {
            Connection connection = null;
            long next = System.nanoTime() + offset;
            while (running.get()) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                next = Math.max(next + period, System.nanoTime());
                Stats into = stats.get();
                long start = System.nanoTime();
                String outcome;
                try {
                    if (connection == null) {
                        connection = new Connection(port);
                    }
                    Response response = connection.get("/hello", keepAlive);
                    outcome = response.outcome();
                    into.latency(System.nanoTime() - start);
                    if (!keepAlive || response.close) {
                        connection.close();
                        connection = null;
                    }
                } catch (IOException e) {
                    outcome = failure(e);
                    if (connection != null) {
                        connection.close();
                        connection = null;
                    }
                }
                into.count(outcome);
            }
            if (connection != null) {
                connection.close();
            }
        }

        /** Starts counting into a new phase; the requests under way count in the one they began in. */
        Stats phase() {
            Stats fresh = new Stats();
            stats.set(fresh);
            return fresh;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(100).toMillis());
            }
        }
    }

    static String failure(IOException e) {
        if (e instanceof ConnectException) {
            return "refused";
        }
        if (e instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (e instanceof EOFException) {
            return "closed";
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (e instanceof SocketException && (message.contains("reset") || message.contains("broken pipe"))) {
            return "reset";
        }
        return "io:" + e.getClass().getSimpleName();
    }

    record Response(int status, boolean close, String body) {

        String outcome() {
            if (status >= 200 && status < 300) {
                return "ok";
            }
            if (status == 502 && body.contains("reload cut")) {
                return "502cut";
            }
            // The front's two 503s: held past its bound, or no application serves (it says why).
            if (status == 503 && body.contains("still starting")) {
                return "503-held-past-bound";
            }
            if (status == 503 && body.contains("not serving")) {
                return "503-not-serving";
            }
            return Integer.toString(status);
        }
    }

    /** One HTTP/1.1 connection, written and read by hand so that each failure is seen as it is. */
    static final class Connection {

        private final Socket socket = new Socket();
        private final InputStream in;
        private final OutputStream out;
        private final int port;

        Connection(int port) throws IOException {
            this.port = port;
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
            socket.setSoTimeout(120_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        Response get(String path, boolean keepAlive) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (keepAlive ? "" : "Connection: close\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new EOFException("closed before an answer");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = statusLine.startsWith("HTTP/1.0");
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes((int) size));
                    line();
                }
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
            } else if (length >= 0) {
                byte[] bytes = in.readNBytes((int) length);
                if (bytes.length < length) {
                    throw new EOFException("closed in the body");
                }
                body.write(bytes);
            } else {
                body.write(in.readAllBytes());
                close = true;
            }
            return new Response(status, close, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
            if (line.length() > 0) {
                throw new EOFException("closed in a line");
            }
            return null;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing to keep
            }
        }
    }

    /** What the requests of one phase on one path met. */
    static final class Stats {

        static final String HEADER = String.format("%-12s %-8s %-7s %7s %5s %6s %6s %7s %6s %6s %6s %6s %7s %8s  %s",
                "example", "mode", "path", "reloads", "secs", "sent", "failed", "refused", "reset", "closed", "502cut", "5xx",
                "p99 ms", "max ms", "other outcomes; load average");
        private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        private final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        private final long start = System.nanoTime();

        void count(String outcome) {
            outcomes.computeIfAbsent(outcome, o -> new AtomicLong()).incrementAndGet();
        }

        void latency(long nanos) {
            latencies.add(nanos);
        }

        long answered() {
            return latencies.size();
        }

        private long of(String outcome) {
            AtomicLong n = outcomes.get(outcome);
            return n == null ? 0 : n.get();
        }

        String row(String example, String mode, String path, int reloads, String load) {
            long sent = outcomes.values().stream().mapToLong(AtomicLong::get).sum();
            long fivexx = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("5") && !e.getKey().equals("502cut"))
                    .mapToLong(e -> e.getValue().get()).sum();
            long failed = sent - of("ok");
            Map<String, Long> other = new TreeMap<>();
            outcomes.forEach((k, v) -> {
                // Each kind of 5xx is named here too: the column is their sum.
                if (!List.of("ok", "refused", "reset", "closed", "502cut").contains(k)) {
                    other.put(k, v.get());
                }
            });
            long[] sorted;
            synchronized (latencies) {
                sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            double p99 = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
            double max = sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
            return String.format(Locale.ROOT, "%-12s %-8s %-7s %7d %5d %6d %6d %7d %6d %6d %6d %6d %7.1f %8.1f  %s; %s",
                    example, mode, path, reloads, (System.nanoTime() - start) / 1_000_000_000L, sent, failed, of("refused"), of("reset"), of("closed"), of("502cut"), fivexx,
                    p99, max, other.isEmpty() ? "-" : other, load);
        }
    }

    static boolean answers(int port) {
        Connection connection = null;
        try {
            connection = new Connection(port);
            return connection.get("/hello", false).status() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    static void await(Duration atMost, BooleanSupplier condition, String what, Path log) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + "; the supervisor's log:\n"
                        + tail(log));
            }
            Thread.sleep(20);
        }
    }

    static long count(Path log, Pattern pattern) {
        try {
            Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            long n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    static void stop(Process supervisor) throws InterruptedException {
        List<ProcessHandle> tree = supervisor.descendants().collect(Collectors.toList());
        supervisor.destroy();
        if (!supervisor.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            supervisor.destroyForcibly();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.naturalOrder())::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static Path jar(Path repo) {
        String jar = System.getenv("RESPAWN_BENCH_JAR");
        return jar == null || jar.isEmpty() ? repo.resolve("debug-agent/target/respawn.jar") : Path.of(jar);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
