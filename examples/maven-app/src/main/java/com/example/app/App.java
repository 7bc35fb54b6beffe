package com.example.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** {@code mvn respawn:run -Drespawn.arguments=PORT}: /hello, /args, /mode, /message, /cwd, /pid. */
public final class App {

    private App() {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/hello", exchange -> respond(exchange, Greeting.message()));
        server.createContext("/args", exchange -> respond(exchange, String.join(" ", args)));
        server.createContext("/mode", exchange -> respond(exchange, "mode=" + System.getProperty("app.mode")));
        server.createContext("/message", exchange -> respond(exchange, resource("message.txt")));
        server.createContext("/cwd", exchange -> respond(exchange, System.getProperty("user.dir")));
        server.createContext("/pid", exchange -> respond(exchange, Long.toString(ProcessHandle.current().pid())));
        server.start();
        System.out.println("maven-app listening on http://127.0.0.1:" + port + "/hello");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = App.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? "(no " + name + ")" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static void respond(HttpExchange exchange, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
