package dev.respawn.examples.jdkhttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web application on the JDK's HttpServer, written as its Javadoc and most tutorials write
 * one: a fixed thread pool, {@code server.start()}, and nothing that stops either.
 */
public final class JdkHttpApp {

    private JdkHttpApp() {
    }

    public static void main(String[] args) throws IOException {
        // Without it the JDK server answers each keep-alive request after a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        OrderService orders = new OrderService();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hello", exchange -> send(exchange, 200, "text/plain; charset=utf-8",
                Greeting.text().getBytes(StandardCharsets.UTF_8)));
        server.createContext("/fail", exchange -> {
            try {
                String answer = orders.reserve(item(exchange));
                send(exchange, 200, "text/plain; charset=utf-8", answer.getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // The JDK server has no error page of its own: answer 500 as a handler must.
                send(exchange, 500, "text/plain; charset=utf-8", e.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        server.createContext("/echo", JdkHttpApp::echo);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("jdk-http listening on http://127.0.0.1:" + port + "/hello");
    }

    private static String item(HttpExchange exchange) {
        String query = exchange.getRequestURI().getQuery();
        return query != null && query.startsWith("item=") ? query.substring("item=".length()) : null;
    }

    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        send(exchange, 200, type == null ? "application/octet-stream" : type, body);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
