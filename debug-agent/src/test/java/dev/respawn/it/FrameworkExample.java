package dev.respawn.it;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A framework example from {@code examples/} (GET /hello, GET /fail?item=x failing in a service,
 * POST /echo), recorded on its own server's seam, and how to run it.
 */
enum FrameworkExample {

    VERTX("vertx", "dev.respawn.examples.vertx.VertxApp", false),
    SPRING_WEBFLUX("spring-webflux", "dev.respawn.examples.webflux.WebFluxApp", false),
    MICRONAUT("micronaut", "dev.respawn.examples.micronaut.Application", false),
    UNDERTOW("undertow", "dev.respawn.examples.undertow.UndertowApp", false),
    JETTY_CORE("jetty-core", "dev.respawn.examples.jettycore.JettyCoreApp", false),
    HELIDON_SE("helidon-se", "dev.respawn.examples.helidon.HelidonApp", true),
    JETTY_EE10("jetty-ee10", "dev.respawn.examples.jettyee10.JettyServletApp", false),
    DROPWIZARD("dropwizard", "dev.respawn.examples.dropwizard.DropwizardApp", false),
    JAVALIN("javalin", "dev.respawn.examples.javalin.JavalinApp", false),
    JDK_HTTP("jdk-http", "dev.respawn.examples.jdkhttp.JdkHttpApp", false),
    /** Run as Quarkus builds it: {@code -jar target/quarkus-app/quarkus-run.jar}, no main class of its own. */
    QUARKUS("quarkus", null, false);

    private final String example;
    private final String main;
    private final boolean java21;

    FrameworkExample(String example, String main, boolean java21) {
        this.example = example;
        this.main = main;
        this.java21 = java21;
    }

    /** Whether {@code -Drespawn.it.frameworks=a,b} (as FrameworksIT takes it) names it, or names none. */
    boolean selected() {
        Set<String> only = Set.of(System.getProperty("respawn.it.frameworks", "").split(","));
        return only.equals(Set.of("")) || only.contains(example);
    }

    /** The java to run it with, if this machine has one recent enough. */
    Optional<String> java() {
        return java21 ? TestEnvironment.java25() : Optional.of(TestEnvironment.java());
    }

    /**
     * Whether a request for a path the application has no route for passes through the server's
     * seam: the JDK HttpServer answers 404 itself before any filter of a context runs.
     */
    boolean routesEveryPath() {
        return this != JDK_HTTP;
    }

    /**
     * Whether {@code /fail}'s exception escapes the application into the server: on the JDK
     * HttpServer, which has no error page, the example catches it and answers 500 itself.
     */
    boolean letsTheFailureEscape() {
        return this != JDK_HTTP;
    }

    /**
     * What respawn is told beyond the defaults: nothing, Quarkus included (its classes come from
     * {@code quarkus-app/app/*.jar}, which respawn takes for the application's own, see
     * {@link PackagedApplicationsIT}).
     */
    List<String> respawnOptions() {
        return List.of();
    }

    /** {@code java -cp classes:lib/* Main port}, or Quarkus's runner jar told the port. */
    List<String> command(int port) {
        if (main == null) {
            Path runner = TestEnvironment.examples().resolve(example).resolve("target/quarkus-app/quarkus-run.jar");
            return new ArrayList<>(List.of(java().orElseThrow(), "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port, "-jar", runner.toString()));
        }
        return command(java().orElseThrow(), example, main, port);
    }

    static List<String> command(String java, String example, String main, int port) {
        Path root = TestEnvironment.examples().resolve(example);
        String classpath = root.resolve("target/classes") + File.pathSeparator + root.resolve("target/lib")
                + File.separator + "*";
        return new ArrayList<>(List.of(java, "-cp", classpath, main, Integer.toString(port)));
    }
}
