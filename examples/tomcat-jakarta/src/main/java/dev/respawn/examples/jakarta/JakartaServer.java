package dev.respawn.examples.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A Jakarta Servlet application on embedded Tomcat 11: {@code java JakartaServer [port]}. */
public final class JakartaServer {

    private JakartaServer() {
    }

    public static void main(String[] args) throws IOException, LifecycleException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("tomcat-jakarta").toString());
        // Classes Tomcat loads by name (the servlets', for their annotations) come from the
        // application's loader, as Spring Boot arranges too; else from the JVM's class path.
        tomcat.getServer().setParentClassLoader(JakartaServer.class.getClassLoader());
        Connector connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        add(context, "/hello", new Hello());
        add(context, "/echo", new Echo());
        add(context, "/fail", new Fail());
        add(context, "/upload", new Upload());
        add(context, "/form", new Form());
        add(context, "/pid", new Pid());
        add(context, "/db", new Database());
        // What web applications are told to do as they stop, so that Tomcat does not warn of a leak.
        context.setApplicationLifecycleListeners(new Object[] {new DriverDeregistration()});
        tomcat.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                tomcat.stop();
                tomcat.destroy();
            } catch (LifecycleException e) {
                e.printStackTrace();
            }
        }, "tomcat-stop"));
        System.out.println("tomcat-jakarta listening on http://127.0.0.1:" + port + "/hello");
        tomcat.getServer().await();
    }

    private static void add(Context context, String path, HttpServlet servlet) {
        String name = path.substring(1);
        Tomcat.addServlet(context, name, servlet);
        context.addServletMappingDecoded(path, name);
    }

    static void text(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println(text);
    }

    /** Greets, through the response's Writer. */
    static final class Hello extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            text(response, "Hello from Jakarta");
        }
    }

    /** Reserves the item asked for, which fails: Tomcat answers 500. */
    static final class Fail extends HttpServlet {
        private final OrderService orders = new OrderService();

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            text(response, orders.reserve(request.getParameter("item")));
        }
    }

    /** Sends the request body back as it streams in, with its content type and an X-Echo header. */
    static final class Echo extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String type = request.getContentType();
            response.setContentType(type == null ? "application/octet-stream" : type);
            response.setHeader("X-Echo", request.getMethod() + " " + request.getRequestURI());
            response.addHeader("X-Multi", "one");
            response.addHeader("X-Multi", "two");
            try (InputStream in = request.getInputStream(); OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        }
    }

    /** Greets the name of a form post that Tomcat parses itself. */
    static final class Form extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            text(response, "Hello, " + request.getParameter("name"));
        }
    }

    /** Counts the bytes of an upload without keeping them. */
    static final class Upload extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = request.getInputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    total += n;
                }
            }
            text(response, total + " bytes");
        }
    }

    /** Asks an in-memory H2 database, through the JDBC driver registered with DriverManager. */
    static final class Database extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:example");
                    ResultSet answer = connection.createStatement().executeQuery("select 6 * 7")) {
                answer.next();
                text(response, "the database says " + answer.getInt(1));
            } catch (SQLException e) {
                response.sendError(500, e.toString());
            }
        }
    }

    /** Deregisters the JDBC drivers as the application stops. */
    public static final class DriverDeregistration implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            for (Driver driver : Collections.list(DriverManager.getDrivers())) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException e) {
                    event.getServletContext().log("cannot deregister " + driver, e);
                }
            }
        }
    }

    /** The worker's process id. */
    static final class Pid extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            text(response, Long.toString(ProcessHandle.current().pid()));
        }
    }
}
