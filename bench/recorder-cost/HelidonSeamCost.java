import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import dev.respawn.recorder.har.Journal;
import dev.respawn.recorder.helidon.HelidonEntry;
import dev.respawn.recorder.helidon.handler.HelidonRequestRecorder;
import dev.respawn.recorder.helidon.stub.http.Header;
import dev.respawn.recorder.helidon.stub.http.HttpPrologue;
import dev.respawn.recorder.helidon.stub.http.Method;
import dev.respawn.recorder.helidon.stub.http.ServerRequestHeaders;
import dev.respawn.recorder.helidon.stub.http.ServerResponseHeaders;
import dev.respawn.recorder.helidon.stub.http.Status;
import dev.respawn.recorder.helidon.stub.socket.PeerInfo;
import dev.respawn.recorder.helidon.stub.webserver.ServerRequest;
import dev.respawn.recorder.helidon.stub.webserver.ServerResponse;

/**
 * The recorder's CPU cost per exchange on Helidon, in one JVM without sockets or Helidon: the seam
 * ({@code HelidonRequestRecorder}, unrenamed, on stand-ins of Helidon's request and response shaped
 * as wrk's GET /hello and Helidon's answer to it) and the shared capture and journal behind it,
 * journaling into a real journal, against the same stand-ins driven without it. They take turns,
 * ROUNDS rounds of N exchanges; the figure is the process's CPU time per exchange (its JIT compiler
 * threads left out) with the recorder minus without, the median of the rounds. Run with another
 * build's respawn.jar on the class path to compare builds (bench/helidon-seam-cost.sh).
 * Helidon's own header classes are not in it: the real seam pays a few more interface calls.
 */
public final class HelidonSeamCost {

    private static final byte[] HELLO = "Hello, world\n".getBytes(StandardCharsets.US_ASCII);
    private static final Method GET = new Method("GET");
    private static final Status OK = new Status(200);
    private static final PeerInfo PEER = () -> 8080;
    /** HelidonEntry.buffered(boolean), in the builds that journal a body sent in one piece before writing it. */
    private static final MethodHandle BUFFERED = buffered();

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        Path directory = Files.createTempDirectory("helidon-seam-cost");
        Journal journal = Journal.create(directory, ProcessHandle.current().pid(), Clock.systemUTC());
        Recorder recorder = new Recorder(1 << 20, new Redactor(List.of(), false), journal, Clock.systemUTC(),
                ProcessHandle.current().pid());
        HelidonRequestRecorder seam = new HelidonRequestRecorder();
        for (int i = 0; i < 8; i++) { // warm-up: the JIT compiles both paths
            run(null, null, n);
            run(seam, recorder, n);
        }
        List<Double> costs = new ArrayList<>();
        List<Double> bases = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            boolean plainFirst = round % 2 == 0;
            double first = plainFirst ? cpuPerExchange(null, null, n) : cpuPerExchange(seam, recorder, n);
            double second = plainFirst ? cpuPerExchange(seam, recorder, n) : cpuPerExchange(null, null, n);
            double base = plainFirst ? first : second;
            bases.add(base);
            costs.add((plainFirst ? second : first) - base);
        }
        Collections.sort(costs);
        Collections.sort(bases);
        System.out.printf("stand-ins alone %.2f µs per exchange; the recorder adds %.2f µs (median of %d rounds of %d;"
                + " quartiles %.2f–%.2f); %d exchanges journaled; body journaled before the write: %s%n",
                bases.get(rounds / 2) / 1000, costs.get(rounds / 2) / 1000, rounds, n, costs.get(rounds / 4) / 1000,
                costs.get(3 * rounds / 4) / 1000, journal.entries(), BUFFERED != null);
        journal.close();
        Files.deleteIfExists(journal.path());
        Files.deleteIfExists(directory);
    }

    private static MethodHandle buffered() {
        try {
            return MethodHandles.publicLookup().findStatic(HelidonEntry.class, "buffered",
                    MethodType.methodType(void.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static double cpuPerExchange(HelidonRequestRecorder seam, Recorder recorder, int n) throws Throwable {
        long before = cpu();
        run(seam, recorder, n);
        return (double) (cpu() - before) / n;
    }

    /** As Helidon drives a request and its response sent in one piece; the seam's calls where HelidonEntry makes them. */
    private static void run(HelidonRequestRecorder seam, Recorder recorder, int n) throws Throwable {
        for (int i = 0; i < n; i++) {
            Request request = new Request();
            Response response = new Response();
            if (seam != null) {
                recorder.bind(seam.enter(request, response, recorder));
                HelidonEntry.sent(response.filter, HELLO, 0, HELLO.length);
            }
            response.headers.add(header("Content-Type", "text/plain; charset=UTF-8"));
            response.headers.add(header("Content-Length", Integer.toString(HELLO.length)));
            response.headers.add(header("Connection", "keep-alive"));
            if (seam != null) {
                if (BUFFERED != null) {
                    BUFFERED.invokeExact(true);
                }
                response.whenSent.forEach(Runnable::run);
                recorder.unbind();
            }
        }
    }

    private static long cpu() throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("Compiler")) {
                        String stat = Files.readString(task.resolve("schedstat"));
                        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    }
                } catch (IOException | RuntimeException ended) {
                    // The thread ended meanwhile.
                }
            }
        }
        return sum;
    }

    private static Header header(String name, String value) {
        return new Header() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String value() {
                return value;
            }

            @Override
            public int valueCount() {
                return 1;
            }

            @Override
            public List<String> allValues() {
                return List.of(value);
            }
        };
    }

    private static final class Request implements ServerRequest {
        final List<Header> headers = List.of(header("Host", "127.0.0.1:8080"));
        final HttpPrologue prologue = new HttpPrologue("HTTP", "1.1", GET, () -> "/hello", () -> "");

        @Override
        public HttpPrologue prologue() {
            return prologue;
        }

        @Override
        public ServerRequestHeaders headers() {
            return new ServerRequestHeaders() {
                @Override
                public Iterator<Header> iterator() {
                    return headers.iterator();
                }

                public int size() { // Headers.size() in the builds that read it
                    return headers.size();
                }
            };
        }

        @Override
        public PeerInfo localPeer() {
            return PEER;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public void streamFilter(UnaryOperator<InputStream> filter) {
            // Helidon's request without an entity ignores it.
        }
    }

    private static final class Response implements ServerResponse {
        final List<Header> headers = new ArrayList<>(4);
        final List<Runnable> whenSent = new ArrayList<>();
        UnaryOperator<OutputStream> filter;

        @Override
        public Status status() {
            return OK;
        }

        @Override
        public ServerResponseHeaders headers() {
            return new ServerResponseHeaders() {
                @Override
                public Iterator<Header> iterator() {
                    return headers.iterator();
                }

                public int size() {
                    return headers.size();
                }
            };
        }

        @Override
        public ServerResponse whenSent(Runnable listener) {
            whenSent.add(listener);
            return this;
        }

        @Override
        public void streamFilter(UnaryOperator<OutputStream> filter) {
            this.filter = filter;
        }
    }
}
