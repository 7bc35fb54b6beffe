package dev.respawn.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

import dev.respawn.agent.exceptions.ExceptionCapture;
import dev.respawn.reloader.agent.ReloadAgent;
import dev.respawn.reloader.options.Options;

/** Wires the add-ons that are on into the worker JVM. */
final class Addons {

    private Addons() {
    }

    static void install(Options options, Instrumentation instrumentation) throws IOException {
        ReloadAgent.install(options, instrumentation, ownJar(), System.getenv());
        if (options.captureExceptions()) {
            try {
                ExceptionCapture.install(options, instrumentation, ownJar(), System.err);
            } catch (Throwable t) {
                System.err.println("respawn: exception capture could not start (" + t
                        + "); the application runs without it");
            }
        }
    }

    /** respawn.jar itself, never tracked as the application's. */
    static Path ownJar() {
        try {
            CodeSource source = PreMain.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
