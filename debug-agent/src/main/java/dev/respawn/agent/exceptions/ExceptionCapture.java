package dev.respawn.agent.exceptions;

import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.options.Options;

/**
 * Exception capture ({@code --capture-exceptions}) on the agent's side: every exception that
 * escapes the application's code is written as a report with each application frame's
 * arguments and receiver fields.
 */
public final class ExceptionCapture {

    /** Reports one site may write at once, and per {@link #PERIOD}. */
    static final int PER_SITE = 5;
    static final Duration PERIOD = Duration.ofMinutes(1);
    /** Levels of fields followed into an argument or field value. */
    static final int DEPTH = 2;

    private ExceptionCapture() {
    }

    public static void install(Options options, Instrumentation instrumentation, Path ownJar, PrintStream terminal,
            RequestContext requests) {
        AppClasses app = new AppClasses(options.appPackages(), ownJar);
        ReportWriter writer = new ReportWriter(options.exceptionsDirectory(), terminal);
        Clock clock = Clock.systemUTC();
        LocalsMerge locals = options.captureLocals() ? new LocalsMerge(options.exceptionsDirectory()) : null;
        SecretNames secrets = secretNames(options);
        Reporter reporter = new Reporter(new RateLimit(PER_SITE, PERIOD, clock), writer, clock, locals, requests,
                new Redaction(secrets));
        ExceptionRecorder.install(new Unwinder(app, new ValueRenderer(DEPTH, secrets), reporter, secrets));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> writer.drain(Duration.ofSeconds(2)),
                "respawn-exceptions-drain"));
        Instrumenter.install(app, instrumentation);
    }

    /**
     * The recorder's secret headers (its defaults, Authorization and Cookie, are among the secret
     * words already), and the same switch to keep them ({@code --recorder-keep-secrets}).
     */
    static SecretNames secretNames(Options options) {
        return new SecretNames(options.recorderRedact(), !options.recorderKeepSecrets());
    }
}
