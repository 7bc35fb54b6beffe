package dev.respawn.examples.jettyee10;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A Jetty 12 application of Jakarta Servlets (ee10), as Jetty's programming guide writes one,
 * {@code server.join()} included: {@code java JettyServletApp [port]}.
 */
public final class JettyServletApp {

    private JettyServletApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(HelloServlet.class, "/hello");
        context.addServlet(FailServlet.class, "/fail");
        context.addServlet(EchoServlet.class, "/echo");
        server.setHandler(context);
        server.start();
        System.out.println("jetty-ee10 listening on http://127.0.0.1:" + port + "/hello");
        server.join();
    }
}
