package dev.respawn.agent;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

import dev.respawn.agent.exceptions.ExceptionCapture;
import dev.respawn.agent.profiler.ProfilerAddon;
import dev.respawn.coverage.agent.CoverageAgent;
import dev.respawn.recorder.RecorderAgent;
import dev.respawn.reloader.agent.AtGo;
import dev.respawn.reloader.agent.ReloadAgent;
import dev.respawn.reloader.context.Lives;
import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.control.ControlFile;
import dev.respawn.reloader.control.ControlServer;
import dev.respawn.reloader.defaults.SpringDefaultsJar;
import dev.respawn.reloader.options.Options;

/** Wires the add-ons that are on into the worker JVM. */
final class Addons {

    private Addons() {
    }

    static void install(Options options, Instrumentation instrumentation) throws IOException {
        Path ownJar = ownJar();
        // One channel for every add-on's commands; it listens only once one registers a command.
        ControlServer control = new ControlServer(ControlFile.directory(options.debugDirectory()), Addons::say);
        ReloadAgent.deferControlIfWarm(control, System.getenv());
        // Coverage first: JaCoCo's class ids are a CRC64 of the bytes it sees, which must be the
        // class file's own, before any add-on that rewrites classes (exception capture) runs.
        if (options.enableCoverage()) {
            guarded("coverage", () -> CoverageAgent.install(options, instrumentation, control, ownJar, Addons::say));
        }
        Lives lives = ReloadAgent.install(options, instrumentation, ownJar, System.getenv(), control);
        AtGo.run(() -> SpringDefaultsJar.installIfSpringBoot(instrumentation));
        // Which exchange a thread serves, as the recorder sees it: exception reports cite it and
        // --profile-requests samples only those threads (the add-ons meet here, not by importing
        // each other).
        RequestContext requests = options.enableRecorder()
                ? RecorderAgent.install(options, instrumentation, lives) : RequestContext.NONE;
        if (options.captureExceptions()) {
            guarded("exception capture",
                    () -> ExceptionCapture.install(options, instrumentation, ownJar, System.err, requests));
        }
        if (options.enableProfiler()) {
            guarded("profiler", () -> ProfilerAddon.install(options, control, requests, lives));
        }
    }

    /** An add-on that fails to start says so in one line; the application starts without it. */
    private static void guarded(String name, Installer installer) {
        try {
            installer.install();
        } catch (Exception | LinkageError e) {
            say("the " + name + " could not start (" + e.getMessage() + "); the application runs without it");
        }
    }

    @FunctionalInterface
    private interface Installer {
        void install() throws Exception;
    }

    private static void say(String line) {
        System.err.println("respawn: " + line);
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
