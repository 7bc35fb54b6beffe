package dev.respawn.examples.webflux;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot WebFlux application on Reactor Netty: {@code java WebFluxApp [port] [--spring.options=...]}. */
@SpringBootApplication
public class WebFluxApp {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(WebFluxApp.class, withPort(args));
        String port = context.getEnvironment().getProperty("local.server.port");
        System.out.println("spring-webflux listening on http://127.0.0.1:" + port + "/hello");
    }

    /** A bare number first, as the other examples take their port, becomes {@code --server.port=N}. */
    static String[] withPort(String[] args) {
        if (args.length > 0 && args[0].matches("\\d+")) {
            String[] spring = Arrays.copyOf(args, args.length);
            spring[0] = "--server.port=" + args[0];
            return spring;
        }
        return args;
    }
}
