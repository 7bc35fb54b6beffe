package dev.respawn.examples.dropwizard;

import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;

/** A Dropwizard 5 application, as Dropwizard's getting-started guide writes one: {@code java DropwizardApp [port]}. */
public class DropwizardApp extends Application<Configuration> {

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            // Dropwizard's own way to override a setting of config.yml from outside.
            System.setProperty("dw.server.connector.port", args[0]);
        }
        new DropwizardApp().run("server", "config.yml");
        // The server command returns once Jetty listens; Jetty's threads keep the JVM up.
        System.out.println("dropwizard listening on http://127.0.0.1:" + System.getProperty("dw.server.connector.port", "8080") + "/hello");
    }

    @Override
    public void initialize(Bootstrap<Configuration> bootstrap) {
        // config.yml ships on the class path, beside the classes.
        bootstrap.setConfigurationSourceProvider(new ResourceConfigurationSourceProvider());
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        environment.jersey().register(new HelloResource(new OrderService()));
    }
}
