package dev.respawn.examples.javalin;

import io.javalin.Javalin;

/** A Javalin 6 application, as Javalin's getting-started guide writes one: {@code java JavalinApp [port]}. */
public final class JavalinApp {

    private JavalinApp() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        OrderService orders = new OrderService();
        Javalin app = Javalin.create()
                .get("/hello", ctx -> ctx.result(Greeting.text()))
                .get("/fail", ctx -> ctx.result(orders.reserve(ctx.queryParam("item"))))
                .post("/echo", ctx -> {
                    String type = ctx.contentType();
                    ctx.contentType(type == null ? "application/octet-stream" : type).result(ctx.bodyAsBytes());
                })
                .start("127.0.0.1", port);
        System.out.println("javalin listening on http://127.0.0.1:" + app.port() + "/hello");
    }
}
