package dev.respawn.examples.hello;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Endpoints that fail in the ways exception capture must tell apart: {@code /order} lets the
 * exception escape, {@code /checkout} wraps it in another, {@code /reserve} catches it and
 * answers 200. Try {@code /order?item=book&quantity=-1}.
 */
final class Shop {

    private final OrderService orders = new OrderService();
    private final Accounts accounts = new Accounts();

    void order(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        HelloServer.respond(exchange, 200, orders.place(query.get("item"), quantity(query)));
    }

    void checkout(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String item = query.get("item");
        try {
            HelloServer.respond(exchange, 200, "checked out: " + orders.place(item, quantity(query)));
        } catch (IllegalArgumentException e) {
            throw new CheckoutException("checkout of " + item + " failed", e);
        }
    }

    void reserve(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        String answer;
        try {
            answer = "reserved: " + orders.place(query.get("item"), quantity(query));
        } catch (IllegalArgumentException e) {
            answer = "not reserved: " + e.getMessage();
        }
        HelloServer.respond(exchange, 200, answer);
    }

    void account(HttpExchange exchange) throws IOException {
        HelloServer.respond(exchange, 200, accounts.balance(exchange.getRequestHeaders().getFirst("Authorization")));
    }

    /**
     * Answers 500 with the exception's message when a handler fails, then rethrows it for the
     * server to see, as a framework's error page would.
     */
    static HttpHandler answering500(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (RuntimeException e) {
                HelloServer.respond(exchange, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
                throw e;
            }
        };
    }

    private static int quantity(Map<String, String> query) {
        return Integer.parseInt(query.getOrDefault("quantity", "1"));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
