package dev.respawn.examples.jettycore;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty 12 application on core {@link Handler}s (no Servlet API), as Jetty's programming guide
 * writes one, {@code server.join()} included: {@code java JettyCoreApp [port]}.
 */
public final class JettyCoreApp {

    private JettyCoreApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        OrderService orders = new OrderService();
        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/hello"), new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                Content.Sink.write(response, true, Greeting.text(), callback);
                return true;
            }
        });
        routes.addMapping(PathSpec.from("/fail"), new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String item = Request.extractQueryParameters(request, StandardCharsets.UTF_8).getValue("item");
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
                Content.Sink.write(response, true, orders.reserve(item), callback);
                return true;
            }
        });
        routes.addMapping(PathSpec.from("/echo"), new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, type == null ? "application/octet-stream" : type);
                Content.copy(request, response, callback);
                return true;
            }
        });
        server.setHandler(routes);
        server.start();
        System.out.println("jetty-core listening on http://127.0.0.1:" + port + "/hello");
        server.join();
    }
}
