package dev.respawn.front;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests without a body through the front's own path ({@link PairedUpstreams}), to an application
 * that answers with exactly the bytes each case needs: one connection to the application per client
 * connection, kept across requests unless the application ends it; every framing HTTP/1 has;
 * hop-by-hop headers dropped, the client's Host kept; a 502 when the application answers nothing.
 */
class PairedUpstreamsTest {

    private static final int BIG = 8 << 20;

    @TempDir
    Path temp;
    private final Gate gate = new Gate();
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket application;
    private Server front;
    private int frontPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        application = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "application");
        acceptor.setDaemon(true);
        acceptor.start();
        FrontThreads threads = new FrontThreads();
        front = new Server(threads);
        ServerConnector connector = new FrontConnector(front, new org.eclipse.jetty.server.HttpConnectionFactory());
        connector.setHost("127.0.0.1");
        front.addConnector(connector);
        Answers answers = new Answers(false);
        front.setHandler(new FrontHandler(gate, new WorkerProxy(gate, answers, threads), Duration.ofSeconds(10), threads,
                new StandingCompileErrors(temp.resolve("errors.txt")), answers, false, null, new InFlight()));
        front.start();
        frontPort = connector.getLocalPort();
        gate.open(application.getLocalPort());
    }

    @AfterEach
    void stop() throws Exception {
        front.stop();
        application.close();
    }

    @Test
    void oneClientConnectionKeepsOneApplicationConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/keep").body()).isEqualTo("ok");
        }
        assertThat(accepted).hasValue(1);
    }

    @Test
    void anApplicationThatEndsItsConnectionGetsTheNextRequestOnANewOne() throws Exception {
        for (String path : new String[] {"/close", "/http10", "/close", "/keep"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/http10").body()).isEqualTo("old");
        assertThat(accepted).hasValue(4);
    }

    @Test
    void chunkedAndLargeAnswersPassWhole() throws Exception {
        assertThat(get("/chunked").body()).isEqualTo("abcdef");
        HttpResponse<InputStream> big = client.send(request("/big").build(), HttpResponse.BodyHandlers.ofInputStream());
        long length = 0;
        try (InputStream in = big.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    assertThat(buffer[i]).isEqualTo((byte) (length + i));
                }
                length += n;
            }
        }
        assertThat(length).isEqualTo(BIG);
        assertThat(get("/keep").body()).isEqualTo("ok");
    }

    @Test
    void hopByHopHeadersStayAndTheClientsHostGoes() throws Exception {
        String head;
        // The JDK's client sends no Connection header of its own choosing.
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontPort)) {
            write(socket.getOutputStream(), "GET /head HTTP/1.1\r\nHost: 127.0.0.1:" + frontPort
                    + "\r\nX-Kept: 1\r\nConnection: close, X-Secret\r\nX-Secret: 1\r\n\r\n");
            head = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .toLowerCase(java.util.Locale.ROOT);
        }
        head = head.substring(head.indexOf("\r\n\r\n") + 4);
        assertThat(head).startsWith("get /head http/1.1").contains("host: 127.0.0.1:" + frontPort)
                .contains("x-kept: 1").doesNotContain("x-secret");
        HttpResponse<String> response = get("/keep");
        assertThat(response.headers().firstValue("X-App")).hasValue("1");
        assertThat(response.headers().firstValue("X-Hop")).isEmpty();
    }

    @Test
    void nothingAnsweredIsA502() throws Exception {
        HttpResponse<String> response = client.send(request("/drop").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("did not answer");
        assertThat(get("/keep").body()).isEqualTo("ok");
    }

    @Test
    void aHeadOr304AnswerKeepsTheApplicationsLengthOrSaysNoneAndHasNoBody() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontPort)) {
            socket.setSoTimeout(30_000);
            write(socket.getOutputStream(), "HEAD /keep HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readHead(socket.getInputStream()).toLowerCase(java.util.Locale.ROOT)).contains("content-length: 2\r\n");
            write(socket.getOutputStream(), "HEAD /nolength HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readHead(socket.getInputStream()).toLowerCase(java.util.Locale.ROOT)).startsWith("http/1.1 200")
                    .doesNotContain("content-length: 0");
            write(socket.getOutputStream(), "GET /unchanged HTTP/1.1\r\nHost: x\r\nIf-None-Match: \"a\"\r\n\r\n");
            assertThat(readHead(socket.getInputStream()).toLowerCase(java.util.Locale.ROOT)).startsWith("http/1.1 304")
                    .doesNotContain("content-length").doesNotContain("transfer-encoding");
            // The next answer follows at once: nothing stood for a body.
            write(socket.getOutputStream(), "GET /keep HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
            assertThat(new String(socket.getInputStream().readNBytes(2), StandardCharsets.ISO_8859_1)).isEqualTo("ok");
        }
    }

    @Test
    void earlyHintsPassBeforeTheAnswer() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontPort)) {
            socket.setSoTimeout(30_000);
            write(socket.getOutputStream(), "GET /hints HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = socket.getInputStream();
            assertThat(readHead(in)).startsWith("HTTP/1.1 103").contains("</a.css>; rel=preload");
            assertThat(readHead(in)).startsWith("HTTP/1.1 103").contains("</b.js>; rel=preload");
            assertThat(readHead(in)).startsWith("HTTP/1.1 200").doesNotContain("rel=preload");
            assertThat(new String(in.readNBytes(2), StandardCharsets.ISO_8859_1)).isEqualTo("ok");
        }
    }

    @Test
    void trailersPassAfterTheBody() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), frontPort)) {
            socket.setSoTimeout(30_000);
            write(socket.getOutputStream(), "GET /trailers HTTP/1.1\r\nHost: x\r\nTE: trailers\r\nConnection: close, TE\r\n\r\n");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).contains("abc").contains("\r\n0\r\n").contains("X-Checksum: 900150983cd24fb0\r\n");
        }
    }

    @Test
    void aPortNobodyListensOnIsA502() throws Exception {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = gone.getLocalPort();
        }
        gate.open(closed);
        HttpResponse<String> response = client.send(request("/keep").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("did not answer").contains(Integer.toString(closed));
        gate.open(application.getLocalPort());
        assertThat(get("/keep").body()).isEqualTo("ok");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + frontPort + path))
                .timeout(Duration.ofSeconds(30));
    }

    private void accept() {
        while (!application.isClosed()) {
            try {
                Socket socket = application.accept();
                accepted.incrementAndGet();
                Thread connection = new Thread(() -> serve(socket), "application connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers each request on {@code socket} as its path says, with exactly these bytes. */
    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String path = head.split(" ")[1];
                if (head.startsWith("HEAD ")) {
                    // As the JDK's HttpServer answers a HEAD: no Content-Length unless the handler's says one.
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                            + (path.equals("/keep") ? "Content-Length: 2\r\n" : "") + "\r\n");
                    continue;
                }
                switch (path) {
                    case "/unchanged" -> write(out, "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n");
                    case "/hints" -> write(out, "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
                            + "HTTP/1.1 103 Early Hints\r\nLink: </b.js>; rel=preload\r\n\r\n"
                            + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                    case "/trailers" -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n\r\n"
                            + "3\r\nabc\r\n0\r\nX-Checksum: 900150983cd24fb0\r\n\r\n");
                    case "/keep" -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-App: 1\r\nConnection: X-Hop\r\n"
                            + "X-Hop: 1\r\n\r\nok");
                    case "/close" -> {
                        write(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                        return;
                    }
                    case "/http10" -> {
                        write(out, "HTTP/1.0 200 OK\r\n\r\nold");
                        return;
                    }
                    case "/chunked" -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
                    case "/head" -> {
                        write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + head.length() + "\r\n\r\n" + head);
                        return;
                    }
                    case "/big" -> {
                        write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + BIG + "\r\n\r\n");
                        byte[] chunk = new byte[1 << 16];
                        for (int sent = 0; sent < BIG; sent += chunk.length) {
                            for (int i = 0; i < chunk.length; i++) {
                                chunk[i] = (byte) (sent + i);
                            }
                            out.write(chunk);
                        }
                        out.flush();
                    }
                    default -> {
                        return;
                    }
                }
            }
        } catch (IOException gone) {
            // The front closed it.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
