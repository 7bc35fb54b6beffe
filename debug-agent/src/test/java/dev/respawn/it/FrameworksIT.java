package dev.respawn.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every application of the corpus in examples/, each written as its framework's guide writes it,
 * under the supervisor from respawn.jar with default options, one worker JVM per framework: its
 * three routes answer; a method-body change of its greeting is hot-swapped; a new field in it is
 * served by a restart inside the same JVM.
 */
class FrameworksIT {

    /**
     * Examples whose structural change still falls back to a process restart today (they leave
     * server threads running, or Micronaut loads its bean definitions through the JVM's class
     * loader): issue 13. For these the test asserts the fallback, so that the day one restarts
     * inside the JVM it fails here, and its name is to be taken out of this set.
     */
    static final Set<String> IN_JVM_PENDING = Set.of();

    /**
     * Examples where even a method-body change restarts the process today: Micronaut's generated
     * {@code $Definition} classes are loaded by the JVM's class loader by name, so respawn gives up on
     * its restart loader (issue 13, item 3).
     */
    static final Set<String> HOT_SWAP_PENDING = Set.of();

    /** The supervisor's line for each reload, ending in how it went. */
    private static final String JSON = "{\"items\":[\"book\",\"pen\"],\"note\":\"échos\"}";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    /**
     * One example: where its greeting is written, how it greets, and a line of the greeting's class
     * after which a field can go (in a Greeting class of its own, except in tomcat-jakarta's servlet).
     */
    record Example(String name, String main, String source, String anchor, String greeting, String failPath,
            boolean java25) {

        static Example of(String name, String main, String packagePath, String greeting) {
            return new Example(name, main, packagePath + "/Greeting.java", "public final class Greeting {",
                    greeting, "/fail?item=x", false);
        }

        Example onJava25() {
            return new Example(name, main, source, anchor, greeting, failPath, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The examples, or those named in {@code -Drespawn.it.frameworks=a,b} to run only these. */
    static Stream<Example> examples() {
        Set<String> only = Set.of(System.getProperty("respawn.it.frameworks", "").split(","));
        return all().filter(e -> only.equals(Set.of("")) || only.contains(e.name()));
    }

    private static Stream<Example> all() {
        String base = "dev/respawn/examples/";
        return Stream.of(
                new Example("hello-http", "dev.respawn.examples.hello.HelloServer", base + "hello/Greeting.java",
                        "public final class Greeting {", "Hello from respawn", "/order?item=x", false),
                new Example("tomcat-jakarta", "dev.respawn.examples.jakarta.JakartaServer",
                        base + "jakarta/JakartaServer.java", "    static final class Hello extends HttpServlet {",
                        "Hello from Jakarta", "/fail?item=x", false),
                Example.of("spring-boot", "dev.respawn.examples.spring.SpringApp", base + "spring", "Hello from Spring Boot"),
                Example.of("jdk-http", "dev.respawn.examples.jdkhttp.JdkHttpApp", base + "jdkhttp",
                        "Hello from the JDK HttpServer"),
                Example.of("javalin", "dev.respawn.examples.javalin.JavalinApp", base + "javalin", "Hello from Javalin"),
                Example.of("jetty-core", "dev.respawn.examples.jettycore.JettyCoreApp", base + "jettycore",
                        "Hello from Jetty core"),
                Example.of("jetty-ee10", "dev.respawn.examples.jettyee10.JettyServletApp", base + "jettyee10",
                        "Hello from Jetty servlets"),
                Example.of("undertow", "dev.respawn.examples.undertow.UndertowApp", base + "undertow", "Hello from Undertow"),
                Example.of("vertx", "dev.respawn.examples.vertx.VertxApp", base + "vertx", "Hello from Vert.x"),
                Example.of("spring-webflux", "dev.respawn.examples.webflux.WebFluxApp", base + "webflux",
                        "Hello from Spring WebFlux"),
                Example.of("micronaut", "dev.respawn.examples.micronaut.Application", base + "micronaut",
                        "Hello from Micronaut"),
                Example.of("dropwizard", "dev.respawn.examples.dropwizard.DropwizardApp", base + "dropwizard",
                        "Hello from Dropwizard"),
                Example.of("helidon-se", "dev.respawn.examples.helidon.HelidonApp", base + "helidon",
                        "Hello from Helidon SE").onJava25());
    }

    /** Framework starts take seconds, and several times longer on a 2-core machine busy with builds. */
    private static final Duration SERVED = Duration.ofSeconds(90);

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void answersItsRoutesHotSwapsABodyAndRestartsInsideTheJvmOnANewField(Example example) throws Exception {
        Optional<String> java25 = TestEnvironment.java25();
        if (example.java25()) {
            Assumptions.assumeTrue(java25.isPresent(), "no JDK 25 here");
        }
        ExampleWorkspace app = ExampleWorkspace.copyOf(example.name(), temp);
        String java = TestEnvironment.java();
        if (example.java25()) {
            java = java25.orElseThrow();
            app = app.compiledBy(Path.of(java).getParent().getParent(), 21);
        }
        int port = TestEnvironment.freePort();
        // Without class-data sharing: its archive is dumped by a JVM in the background, which would
        // take a core from the test for 20 s per framework; it changes nothing of how reloads go.
        try (RespawnProcess respawn = RespawnProcess.supervisor(app.root(), List.of("--reload-on-changes",
                "--no-class-data-sharing", "--", java, "-cp", app.classpath(), example.main(), Integer.toString(port)))) {
            Http.awaitBody(port, "/hello", example.greeting(), SERVED);
            long worker = Reloads.workerPid(respawn, SERVED);

            assertThat(Http.get(port, example.failPath()).statusCode()).as("GET " + example.failPath()).isEqualTo(500);
            HttpResponse<String> echo = post(port, "/echo", "application/json", JSON);
            assertThat(echo.statusCode()).as("POST /echo").isEqualTo(200);
            assertThat(echo.body()).as("the body echoed").isEqualTo(JSON);
            assertThat(echo.headers().firstValue("Content-Type")).as("its type echoed").hasValue("application/json");

            app.edit(example.source(), "\"" + example.greeting() + "\"", "\"Swapped \" + (1 + 1)");
            List<String> swap = Reloads.change(respawn, app, port, "Swapped 2", SERVED);
            if (HOT_SWAP_PENDING.contains(example.name())) {
                assertThat(swap).as(example.name() + " hot-swapped a body change: take it out of HOT_SWAP_PENDING")
                        .containsOnly(Reloads.PROCESS);
                assertThat(Reloads.alive(worker)).as("a new worker JVM").isFalse();
            } else {
                assertThat(swap).as("a body change, hot-swapped").containsOnly(Reloads.HOT_SWAP);
                assertThat(Reloads.alive(worker)).as("the same worker JVM").isTrue();
            }

            app.edit(example.source(), example.anchor(), example.anchor() + "\n        private static int greeted;\n");
            app.edit(example.source(), "\"Swapped \" + (1 + 1)", "\"Greeted \" + (++greeted)");
            List<String> field = Reloads.change(respawn, app, port, "Greeted 1", SERVED);
            if (IN_JVM_PENDING.contains(example.name())) {
                // Issue 13: today this falls back to a new worker process, after the shutdown timeout.
                assertThat(field).as(example.name() + " restarted inside the JVM: take it out of IN_JVM_PENDING")
                        .containsOnly(Reloads.PROCESS);
                assertThat(Reloads.alive(worker)).as("a new worker JVM").isFalse();
                return;
            }
            assertThat(field).as("a new field, served by a restart inside the JVM").containsOnly(Reloads.IN_JVM);
            respawn.awaitStderr("\\.class: a field was added \\(greeted\\)\\); restarted inside the JVM in \\d+ ms", SERVED);
            assertThat(Reloads.alive(worker)).as("the same worker JVM").isTrue();
            assertThat(respawn.count("worker pid \\d+ up in")).as("one worker JVM all along").isEqualTo(1);
            assertThat(respawn.stderr()).doesNotContain("cannot restart inside the JVM");
        }
    }


    private static HttpResponse<String> post(int port, String path, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
