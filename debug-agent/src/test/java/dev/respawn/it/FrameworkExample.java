package dev.respawn.it;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    HELIDON_SE("helidon-se", "dev.respawn.examples.helidon.HelidonApp", true);

    private final String example;
    private final String main;
    private final boolean java21;

    FrameworkExample(String example, String main, boolean java21) {
        this.example = example;
        this.main = main;
        this.java21 = java21;
    }

    /** The java to run it with, if this machine has one recent enough. */
    Optional<String> java() {
        return java21 ? TestEnvironment.java25() : Optional.of(TestEnvironment.java());
    }

    /** {@code java -cp classes:lib/* Main port}. */
    List<String> command(int port) {
        return command(java().orElseThrow(), example, main, port);
    }

    static List<String> command(String java, String example, String main, int port) {
        Path root = TestEnvironment.examples().resolve(example);
        String classpath = root.resolve("target/classes") + File.pathSeparator + root.resolve("target/lib")
                + File.separator + "*";
        return new ArrayList<>(List.of(java, "-cp", classpath, main, Integer.toString(port)));
    }
}
