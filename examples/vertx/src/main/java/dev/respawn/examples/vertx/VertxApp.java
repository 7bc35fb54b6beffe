package dev.respawn.examples.vertx;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** A Vert.x 5 application with a vertx-web router, as Vert.x's guides write one: {@code java VertxApp [port]}. */
public final class VertxApp {

    private VertxApp() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        OrderService orders = new OrderService();
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/hello").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; charset=utf-8")
                .end(Greeting.text()));
        router.get("/fail").handler(ctx -> ctx.end(orders.reserve(ctx.queryParams().get("item"))));
        router.post("/echo").handler(BodyHandler.create()).handler(ctx -> {
            String type = ctx.request().getHeader("content-type");
            ctx.response().putHeader("content-type", type == null ? "application/octet-stream" : type);
            ctx.end(ctx.body().buffer() == null ? io.vertx.core.buffer.Buffer.buffer() : ctx.body().buffer());
        });
        vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, "127.0.0.1")
                .onSuccess(server -> System.out.println(
                        "vertx listening on http://127.0.0.1:" + server.actualPort() + "/hello"))
                .onFailure(Throwable::printStackTrace);
    }
}
