package dev.respawn.examples.notes;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ConfigurableApplicationContext;

/** A small notes application on Spring Boot 4: {@code java NotesApp [port] [--spring.options=...]}. */
@SpringBootApplication
@EnableCaching
public class NotesApp {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(NotesApp.class, withPort(args));
        String port = context.getEnvironment().getProperty("local.server.port");
        System.out.println("notes listening on http://127.0.0.1:" + port + "/");
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
