package dev.respawn.examples.hello;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A small web application on the JDK's HttpServer: {@code java HelloServer [port]}. */
public final class HelloServer {

    /** State a hot swap keeps and a restart loses: how many times /count was asked. */
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

    private HelloServer() {
    }

    public static void main(String[] args) throws IOException {
        // Without it the JDK server answers each keep-alive request after a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hello", exchange -> respond(exchange, 200, Greeting.message()));
        server.createContext("/echo", HelloServer::echo);
        server.createContext("/env", exchange -> respond(exchange, 200, "RESPAWN=" + System.getenv("RESPAWN")));
        server.createContext("/work", exchange -> respond(exchange, 200,
                "primes below 200000: " + PrimeSieve.countPrimesBelow(200_000)));
        server.createContext("/count", exchange -> respond(exchange, 200, Integer.toString(COUNT.incrementAndGet())));
        server.createContext("/pid", exchange -> respond(exchange, 200, Long.toString(ProcessHandle.current().pid())));
        server.createContext("/slow", HelloServer::slow);
        Ticks.serve(server);
        Shop shop = new Shop();
        server.createContext("/order", Shop.answering500(shop::order));
        server.createContext("/checkout", Shop.answering500(shop::checkout));
        server.createContext("/reserve", Shop.answering500(shop::reserve));
        server.createContext("/account", Shop.answering500(shop::account));
        server.start();
        Housekeeping.startIfAsked();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        System.out.println("hello-http listening on http://127.0.0.1:" + port + "/hello");
    }

    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        exchange.getResponseHeaders().set("Content-Type", type == null ? "application/octet-stream" : type);
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Answers after {@code ?ms=N} (1000 by default), on a thread of its own: a request a reload finds in flight. */
    private static void slow(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        long millis = query != null && query.startsWith("ms=") ? Long.parseLong(query.substring(3)) : 1000;
        Thread answering = new Thread(() -> {
            System.out.println("slow: answering in " + millis + " ms");
            try {
                Thread.sleep(millis);
                respond(exchange, 200, "slow answer after " + millis + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The client went away.
            }
        }, "slow");
        answering.setDaemon(true);
        answering.start();
    }

    static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
