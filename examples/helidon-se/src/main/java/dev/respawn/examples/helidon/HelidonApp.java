package dev.respawn.examples.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;

/** A Helidon SE 4 application, as Helidon's quick start writes one: {@code java HelidonApp [port]} on Java 21 or later. */
public final class HelidonApp {

    private HelidonApp() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        OrderService orders = new OrderService();
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing
                        .get("/hello", (request, response) -> response.send(Greeting.text()))
                        .get("/fail", (request, response) ->
                                response.send(orders.reserve(request.query().first("item").orElse(null))))
                        .post("/echo", (request, response) -> {
                            request.headers().first(HeaderNames.CONTENT_TYPE)
                                    .ifPresent(type -> response.header(HeaderNames.CONTENT_TYPE, type));
                            response.send(request.content().as(byte[].class));
                        }))
                .build()
                .start();
        System.out.println("helidon-se listening on http://127.0.0.1:" + server.port() + "/hello");
    }
}
