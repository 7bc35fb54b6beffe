package dev.respawn.examples.vertx;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A Vert.x 5 application with a vertx-web router, a WebSocket and an event stream, as Vert.x's guides
 * write them: {@code java VertxApp [port]}.
 */
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
        // A WebSocket that greets, then echoes; "close CODE" asks it to close with that code.
        router.route("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
            ws.writeTextMessage(Greeting.text());
            ws.textMessageHandler(text -> {
                if (text.startsWith("close ")) {
                    ws.close(Short.parseShort(text.substring(6)), "asked to");
                } else {
                    ws.writeTextMessage(text);
                }
            });
            ws.binaryMessageHandler(ws::writeBinaryMessage);
        }));
        // Server-sent events: a tick every 200 ms until the client goes away.
        router.get("/events").handler(ctx -> {
            ctx.response().setChunked(true).putHeader("content-type", "text/event-stream")
                    .putHeader("cache-control", "no-cache");
            long[] count = {0};
            long timer = vertx.setPeriodic(1, 200, id -> ctx.response().write("data: tick " + ++count[0] + "\n\n"));
            ctx.response().closeHandler(closed -> vertx.cancelTimer(timer));
        });
        vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, "127.0.0.1")
                .onSuccess(server -> System.out.println(
                        "vertx listening on http://127.0.0.1:" + server.actualPort() + "/hello"))
                .onFailure(Throwable::printStackTrace);
    }
}
