package dev.respawn.examples.undertow;

import java.nio.ByteBuffer;
import java.util.Deque;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** An Undertow application of core {@code HttpHandler}s, as Undertow's guide writes one: {@code java UndertowApp [port]}. */
public final class UndertowApp {

    private UndertowApp() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        OrderService orders = new OrderService();
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(Handlers.routing()
                        .get("/hello", exchange -> text(exchange, Greeting.text()))
                        .get("/fail", exchange -> text(exchange, orders.reserve(item(exchange))))
                        .post("/echo", UndertowApp::echo))
                .build();
        server.start();
        System.out.println("undertow listening on http://127.0.0.1:" + port + "/hello");
    }

    private static void text(HttpServerExchange exchange, String text) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text);
    }

    private static String item(HttpServerExchange exchange) {
        Deque<String> items = exchange.getQueryParameters().get("item");
        return items == null ? null : items.peekFirst();
    }

    private static void echo(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        exchange.getRequestReceiver().receiveFullBytes((done, body) -> {
            done.getResponseHeaders().put(Headers.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
            done.getResponseSender().send(ByteBuffer.wrap(body));
        });
    }
}
