package dev.respawn.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

import dev.respawn.recorder.RecorderAgent;
import dev.respawn.reloader.agent.ReloadAgent;
import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.options.Options;

/** Wires the add-ons that are on into the worker JVM. */
final class Addons {

    private Addons() {
    }

    static void install(Options options, Instrumentation instrumentation) throws IOException {
        ReloadAgent.install(options, instrumentation, ownJar(), System.getenv());
        // Which exchange a thread serves: the exception capture, once wired here, takes `requests`
        // to cite the request in its reports (the add-ons meet here, not by importing each other).
        RequestContext requests = options.enableRecorder()
                ? RecorderAgent.install(options, instrumentation) : RequestContext.NONE;
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
