package dev.respawn.examples.hello;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Server-sent events that wait for the client: {@code /ticks} sends one event, then the next only
 * once {@code /ticks/release} was asked for (or after 30 s), and ends. A proxy that buffered the
 * stream would hold the first event back. {@code /ticks/hold} answers nothing until released.
 */
final class Ticks {

    private volatile CountDownLatch release = new CountDownLatch(1);

    private Ticks() {
    }

    static void serve(HttpServer server) {
        Ticks ticks = new Ticks();
        // The server's one dispatcher thread must stay free to hear /ticks/release.
        server.createContext("/ticks", exchange -> {
            Thread streaming = new Thread(() -> ticks.stream(exchange), "ticks");
            streaming.setDaemon(true);
            streaming.start();
        });
        server.createContext("/ticks/hold", exchange -> {
            Thread holding = new Thread(() -> ticks.hold(exchange), "hold");
            holding.setDaemon(true);
            holding.start();
        });
        server.createContext("/ticks/release", exchange -> {
            ticks.release.countDown();
            HelloServer.respond(exchange, 200, "released");
        });
    }

    /** Answers only once released: a request a restart can cut before any of its answer went out. */
    private void hold(HttpExchange exchange) {
        CountDownLatch waiting = new CountDownLatch(1);
        release = waiting;
        System.out.println("ticks: holding a request until /ticks/release");
        try {
            waiting.await(30, TimeUnit.SECONDS);
            HelloServer.respond(exchange, 200, "held");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away.
        }
    }

    private void stream(HttpExchange exchange) {
        CountDownLatch waiting = new CountDownLatch(1);
        release = waiting;
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            waiting.await(30, TimeUnit.SECONDS);
            out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away.
        }
    }
}
