package dev.respawn.recorder;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import dev.respawn.recorder.har.Recording;
import dev.respawn.recorder.helidon.HelidonHook;
import dev.respawn.recorder.resteasy.ResteasyHook;
import dev.respawn.recorder.jdk.JdkServerHook;
import dev.respawn.recorder.jetty.JettyHook;
import dev.respawn.recorder.netty.NettyHook;
import dev.respawn.recorder.servlet.ServletHook;
import dev.respawn.recorder.undertow.UndertowHook;
import dev.respawn.recorder.ports.UnrecordedPorts;
import dev.respawn.reloader.agent.AtGo;
import dev.respawn.reloader.output.OwnerOnly;
import dev.respawn.reloader.context.Lives;
import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.control.ControlFile;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.output.Handoff;

/**
 * The recorder's part of the agent: opens this worker's recording, hooks the HTTP servers, and
 * writes a HAR file as each life of the application ends.
 */
public final class RecorderAgent {

    private RecorderAgent() {
    }

    /**
     * Starts recording; returns what other add-ons may ask about the request a thread serves.
     * Whatever fails is said in one line and leaves the application running unrecorded.
     */
    public static RequestContext install(Options options, Instrumentation instrumentation, Lives lives) {
        Path directory = options.recorderDirectory();
        long pid = ProcessHandle.current().pid();
        Recording recording = Recording.prepare(directory, pid, Clock.systemDefaultZone(), version(),
                line -> System.err.println("respawn: " + line));
        // The journal is a file of this life: a warm worker opens it only when it runs the application,
        // and loads its name's clock, time zone and formatting while it waits.
        AtGo.ahead(OwnerOnly::lifeStem);
        AtGo.run(() -> {
            try {
                recording.begin();
            } catch (IOException | RuntimeException e) {
                System.err.println("respawn: the recorder cannot write to " + directory + " (" + e
                        + "); exchanges are not recorded");
            }
        });
        recording.keepLives(options.keepLives());
        recording.writeThrough(lives.outputs());
        Recorder recorder = new Recorder(options.recorderBodyLimit(),
                new Redactor(options.recorderRedact(), options.recorderKeepSecrets()), recording,
                Clock.systemUTC(), pid);
        Recorder.activate(recorder);
        lives.onRestart(() -> {
            recorder.awaitIdle(Duration.ofSeconds(1));
            recording.nextLife();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            recorder.awaitIdle(Duration.ofSeconds(1));
            // After a process restart the supervisor turns the journal into HAR, once the next worker serves.
            recording.finish(Handoff.isMine(options.debugDirectory()));
        }, "respawn-recorder"));
        hook("the JDK HTTP server", () -> JdkServerHook.install(instrumentation));
        hook("servlet containers", () -> ServletHook.install(instrumentation));
        hook("Netty", () -> NettyHook.install(instrumentation));
        hook("Undertow", () -> UndertowHook.install(instrumentation));
        hook("Jetty", () -> JettyHook.install(instrumentation));
        hook("Helidon", () -> HelidonHook.install(instrumentation));
        hook("RESTEasy Reactive", () -> ResteasyHook.install(instrumentation));
        UnrecordedPorts.watch(recorder, () -> respawnPorts(options), line -> System.err.println("respawn: " + line));
        return recorder;
    }

    private static Set<Integer> respawnPorts(Options options) {
        Set<Integer> ports = new HashSet<>();
        if (options.enableDebugger()) {
            ports.add(options.debuggerPort());
        }
        ControlFile.find(ControlFile.directory(options.debugDirectory()), ProcessHandle.current().pid())
                .ifPresent(control -> ports.add(control.port()));
        return ports;
    }

    /** The creator version written into HAR files. */
    public static String version() {
        String version = RecorderAgent.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static void hook(String what, Runnable installer) {
        try {
            installer.run();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("respawn: the recorder cannot hook " + what + " (" + e + "); it is not recorded");
        }
    }
}
