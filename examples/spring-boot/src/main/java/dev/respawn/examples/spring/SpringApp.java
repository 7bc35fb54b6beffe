package dev.respawn.examples.spring;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot web application on embedded Tomcat: {@code java SpringApp [port] [--spring.options=...]}. */
@SpringBootApplication
public class SpringApp {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(SpringApp.class, withPort(args));
        String port = context.getEnvironment().getProperty("local.server.port");
        System.out.println("spring-boot listening on http://127.0.0.1:" + port + "/hello");
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
