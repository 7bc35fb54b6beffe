package dev.respawn.examples.micronaut;

import java.util.Arrays;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;

/** A Micronaut 4 application on its Netty server: {@code java Application [port]}. */
public class Application {

    public static void main(String[] args) {
        ApplicationContext context = Micronaut.run(Application.class, withPort(args));
        int port = context.getBean(EmbeddedServer.class).getPort();
        System.out.println("micronaut listening on http://127.0.0.1:" + port + "/hello");
    }

    /** A bare number first, as the other examples take their port, becomes {@code -micronaut.server.port=N}. */
    static String[] withPort(String[] args) {
        if (args.length > 0 && args[0].matches("\\d+")) {
            String[] micronaut = Arrays.copyOf(args, args.length);
            micronaut[0] = "-micronaut.server.port=" + args[0];
            return micronaut;
        }
        return args;
    }
}
