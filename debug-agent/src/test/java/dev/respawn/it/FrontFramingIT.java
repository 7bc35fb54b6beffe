package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the front passes on of HTTP/1.1's framing, byte for byte as a client reads it, from a real
 * Jetty 12 application behind a real supervisor: a HEAD answer's Content-Length (and no body), 103
 * Early Hints before the answer, trailers after a chunked body, an application's
 * {@code Connection: close}, and an application that closes its connection before or while it answers.
 */
class FrontFramingIT {

    private static final Duration SERVED = Duration.ofSeconds(40);
    private static final String PROBE = "dev/respawn/examples/jettycore/FramingProbe.java";
    /** An application that answers each path with one of HTTP/1.1's framings, on Jetty 12's core API. */
    private static final String PROBE_SOURCE = """
            package dev.respawn.examples.jettycore;

            import org.eclipse.jetty.http.HttpFields;
            import org.eclipse.jetty.http.HttpHeader;
            import org.eclipse.jetty.io.Content;
            import org.eclipse.jetty.server.Handler;
            import org.eclipse.jetty.server.Request;
            import org.eclipse.jetty.server.Response;
            import org.eclipse.jetty.server.Server;
            import org.eclipse.jetty.server.ServerConnector;
            import org.eclipse.jetty.util.BufferUtil;
            import org.eclipse.jetty.util.Callback;

            public final class FramingProbe {
                public static void main(String[] args) throws Exception {
                    Server server = new Server();
                    ServerConnector connector = new ServerConnector(server);
                    connector.setHost("127.0.0.1");
                    connector.setPort(Integer.parseInt(args[0]));
                    server.addConnector(connector);
                    server.setHandler(new Handler.Abstract() {
                        @Override
                        public boolean handle(Request request, Response response, Callback callback) {
                            switch (Request.getPathInContext(request)) {
                                case "/length" -> {
                                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 5);
                                    Content.Sink.write(response, true, "hello", callback);
                                }
                                case "/hints" -> response.writeInterim(103,
                                        HttpFields.build().add("Link", "</style.css>; rel=preload"))
                                        .whenComplete((done, failure) -> {
                                            if (failure != null) {
                                                callback.failed(failure);
                                            } else {
                                                Content.Sink.write(response, true, "hinted", callback);
                                            }
                                        });
                                case "/trailers" -> {
                                    response.setTrailersSupplier(() -> HttpFields.build().add("X-Checksum", "abc"));
                                    response.write(false, BufferUtil.toBuffer("part1,"), Callback.from(
                                            () -> response.write(true, BufferUtil.toBuffer("part2"), callback), callback::failed));
                                }
                                case "/close" -> {
                                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                                    Content.Sink.write(response, true, "bye", callback);
                                }
                                case "/cut" -> {
                                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 100);
                                    response.write(false, BufferUtil.toBuffer("0123456789"), Callback.from(
                                            () -> request.getConnectionMetaData().getConnection().getEndPoint().close(),
                                            callback::failed));
                                }
                                case "/drop" -> request.getConnectionMetaData().getConnection().getEndPoint().close();
                                default -> Response.writeError(request, response, callback, 404);
                            }
                            return true;
                        }
                    });
                    server.start();
                    System.out.println("probe listening");
                    server.join();
                }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void headHintsTrailersAndClosesPassAsTheApplicationSentThem() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("jetty-core", temp);
        Files.writeString(app.source(PROBE), PROBE_SOURCE);
        app.compile();
        int front = TestEnvironment.freePort();
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--front-port", Integer.toString(front), "--", TestEnvironment.java(), "-cp", app.classpath(),
                "dev.respawn.examples.jettycore.FramingProbe", Integer.toString(port)))) {
            Http.awaitBody(front, "/length", "hello", SERVED);
            // What the application itself sends, so that what the front passes on is compared with it.
            assertHead(port);
            assertTrailers(port);
            assertHints(port);

            assertHead(front);
            assertHints(front);
            assertTrailers(front);
            try (Raw client = new Raw(front)) {
                client.send("GET /close HTTP/1.1\r\nHost: x\r\n\r\n");
                String head = client.head();
                assertThat(head).startsWith("HTTP/1.1 200");
                assertThat(client.body(head)).isEqualTo("bye");
                // The application's close ends its own connection, not the client's.
                client.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(client.body(client.head())).isEqualTo("hello");
            }
            try (Raw client = new Raw(front)) {
                client.send("GET /drop HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n\r\n");
                String head = client.head();
                assertThat(head).startsWith("HTTP/1.1 502");
                assertThat(client.body(head)).contains("The application did not answer").doesNotContain("reload");
            }
            try (Raw client = new Raw(front)) {
                client.send("GET /cut HTTP/1.1\r\nHost: x\r\n\r\n");
                String head = client.head();
                assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: 100");
                // Cut short as the application cut it: ten bytes, then the connection ends, never a whole answer.
                assertThat(client.rest()).isEqualTo("0123456789");
            }
            assertThat(Http.bodyOrNull(front, "/length")).isEqualTo("hello");
        }
    }

    /**
     * The JDK's HttpServer answers a HEAD with neither a length nor a transfer coding: the front's
     * answer says neither too (Jetty's own said chunked), and the next answer follows at once.
     */
    @Test
    void aHeadAnswerWithoutLengthKeepsTheApplicationsFraming() throws Exception {
        ExampleWorkspace app = ExampleWorkspace.copyOf("hello-http", temp);
        int front = TestEnvironment.freePort();
        int port = TestEnvironment.freePort();
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--front-port", Integer.toString(front), "--", TestEnvironment.java(), "-cp", "target/classes",
                "dev.respawn.examples.hello.HelloServer", Integer.toString(port)))) {
            Http.awaitBody(front, "/hello", "Hello from respawn", SERVED);
            List<String> direct = headThenGet(port);
            assertThat(direct).as("the JDK's own HEAD answer").isEmpty();
            assertThat(headThenGet(front)).isEqualTo(direct);
        }
    }

    /** The framing headers of a HEAD answer, once the GET after it on the same connection was answered. */
    private static List<String> headThenGet(int port) throws IOException {
        try (Raw client = new Raw(port)) {
            client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = client.head();
            assertThat(head).as("HEAD on " + port).startsWith("HTTP/1.1 200");
            client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            String next = client.head();
            assertThat(next).as("the GET after it on " + port).startsWith("HTTP/1.1 200");
            assertThat(client.body(next)).isEqualTo("Hello from respawn\n");
            return head.toLowerCase(Locale.ROOT).lines()
                    .filter(line -> line.startsWith("content-length:") || line.startsWith("transfer-encoding:")).toList();
        }
    }

    /** HEAD: the application's Content-Length, no body (the next answer on the connection follows at once). */
    private static void assertHead(int port) throws IOException {
        try (Raw client = new Raw(port)) {
            client.send("HEAD /length HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.head()).as("HEAD on " + port).startsWith("HTTP/1.1 200")
                    .containsIgnoringCase("content-length: 5\r\n");
            // An answer of no known length: never a Content-Length of 0, which would say the body is empty.
            client.send("HEAD /trailers HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(client.head()).as("HEAD on " + port).startsWith("HTTP/1.1 200")
                    .doesNotContainIgnoringCase("content-length");
            client.send("GET /length HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = client.head();
            assertThat(head).as("the GET after it").startsWith("HTTP/1.1 200");
            assertThat(client.body(head)).isEqualTo("hello");
        }
    }

    /** Requests without a body and with one: the front forwards them on two paths (see PairedUpstreams). */
    private static final List<String> BODIES = List.of("\r\n", "Content-Length: 4\r\n\r\nbody");

    private static void assertHints(int port) throws IOException {
        for (String body : BODIES) {
            try (Raw client = new Raw(port)) {
                client.send((body.length() > 2 ? "POST" : "GET") + " /hints HTTP/1.1\r\nHost: x\r\n" + body);
                assertThat(client.head()).as("on " + port + " with " + body).startsWith("HTTP/1.1 103")
                        .containsIgnoringCase("link: </style.css>; rel=preload\r\n");
                String head = client.head();
                assertThat(head).startsWith("HTTP/1.1 200");
                assertThat(client.body(head)).isEqualTo("hinted");
            }
        }
    }

    private static void assertTrailers(int port) throws IOException {
        for (String body : BODIES) {
            try (Raw client = new Raw(port)) {
                client.send((body.length() > 2 ? "POST" : "GET") + " /trailers HTTP/1.1\r\nHost: x\r\nTE: trailers\r\n"
                        + "Connection: TE\r\n" + body);
                String head = client.head();
                assertThat(head).as("on " + port + " with " + body).startsWith("HTTP/1.1 200")
                        .containsIgnoringCase("transfer-encoding: chunked");
                String chunked = client.chunked();
                assertThat(chunked.toLowerCase(Locale.ROOT)).as("on " + port + " with " + body).contains("x-checksum: abc");
            }
        }
    }

    /** A client socket read byte by byte, as HTTP/1.1 frames it. */
    private static final class Raw implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Raw(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String request) throws IOException {
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** The status line and headers of the next answer. */
        String head() throws IOException {
            return until("\r\n\r\n");
        }

        /** The body that {@code head}'s Content-Length frames. */
        String body(String head) throws IOException {
            String length = head.toLowerCase(Locale.ROOT).lines().filter(l -> l.startsWith("content-length:"))
                    .findFirst().orElseThrow(() -> new AssertionError("no Content-Length in " + head));
            byte[] body = in.readNBytes(Integer.parseInt(length.substring("content-length:".length()).trim()));
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A chunked body through its last chunk and trailers. */
        String chunked() throws IOException {
            StringBuilder text = new StringBuilder();
            while (true) {
                String line = until("\r\n");
                text.append(line);
                int size = Integer.parseInt(line.trim().split(";")[0], 16);
                if (size == 0) {
                    while (true) {
                        String trailer = until("\r\n");
                        text.append(trailer);
                        if (trailer.equals("\r\n")) {
                            return text.toString();
                        }
                    }
                }
                text.append(new String(in.readNBytes(size + 2), StandardCharsets.ISO_8859_1));
            }
        }

        /** Everything until the other side closes. */
        String rest() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                in.transferTo(bytes);
            } catch (java.net.SocketException reset) {
                // A reset ends it too.
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        private String until(String end) throws IOException {
            StringBuilder text = new StringBuilder();
            while (!text.toString().endsWith(end)) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed after " + text);
                }
                text.append((char) b);
            }
            return text.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
