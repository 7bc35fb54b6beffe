package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.respawn.reloader.agent.AtGo;
import dev.respawn.reloader.channel.ReportClient;
import dev.respawn.reloader.context.Lives;
import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.control.ControlServer;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.output.OwnerOnly;

/**
 * Profiles each life of the application in the worker (the process's, and each restart's inside
 * it): async-profiler (through ap-loader, loaded from premain) where it runs, the JDK's own Flight
 * Recorder where it does not, and as a life ends a flame graph (HTML) and a JFR recording,
 * {@code profiles/<time>-<pid>.html} and {@code .jfr}. Answers
 * {@code profile SECONDS} on the control channel with a profile of just that window.
 */
public final class ProfilerAddon {

    /** Set to {@code jfr} on the worker to use the JDK's Flight Recorder even where async-profiler runs. */
    static final String ENGINE_PROPERTY = "respawn.profiler";

    /** The longest window {@code respawn profile --seconds} may ask for. */
    static final Duration LONGEST_WINDOW = Duration.ofMinutes(10);

    private ProfilerAddon() {
    }

    /** @param lives where a restart inside the JVM says that a life ended: its profile is written then */
    public static void install(Options options, ControlServer control, RequestContext requests, Lives lives)
            throws IOException {
        Path directory = OwnerOnly.directories(options.profilerDirectory());
        Path natives = options.debugDirectory().resolve("native");
        SessionStarter starter = new SessionStarter(options, directory, natives);
        Profiling profiling = new Profiling(starter, lives.outputs());
        if (options.profileRequests()) {
            starter.requestThreadsOnly(requests);
        }
        if (ReportClient.isWarm(System.getenv())) {
            // A warm worker loads the engine now, ahead of its go, while it waits anyway.
            starter.choose();
        }
        // The stem's clock, time zone and formatting load while a warm worker waits, not at go.
        AtGo.ahead(OwnerOnly::lifeStem);
        // The life's recording begins beside main, not before it: loading async-profiler's library and
        // starting its recording took 150 to 300 ms of a debug-mode start's path to main (the JVM
        // parses its own symbols), which the second core does meanwhile. The life's profile begins
        // that much after main does.
        AtGo.run(() -> beside(() -> {
            try {
                profiling.startLife();
            } catch (IOException | RuntimeException | LinkageError e) {
                say("the profiler could not start (" + e.getMessage() + "); the application runs without it");
            }
        }));
        lives.onRestart(profiling::nextLife);
        Path debugDirectory = options.debugDirectory();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> profiling.finish(
                (jfr, event) -> FlameGraphHandoff.handOff(debugDirectory, jfr, event)), "respawn-profiler"));
        control.register("profile", argument -> profiling.window(window(argument)));
    }

    private static void beside(Runnable start) {
        Thread thread = new Thread(start, "respawn-profiler-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static Duration window(String argument) {
        long seconds;
        try {
            seconds = Long.parseLong(argument.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("profile takes a number of seconds, not '" + argument + "'");
        }
        if (seconds < 1 || seconds > LONGEST_WINDOW.toSeconds()) {
            throw new IllegalArgumentException("profile takes 1 to " + LONGEST_WINDOW.toSeconds() + " seconds, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    static void say(String message) {
        System.err.println("respawn: " + message);
    }
}
