package dev.respawn.recorder;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.Redactor;
import dev.respawn.recorder.har.HarFile;
import dev.respawn.recorder.har.Journal;
import dev.respawn.recorder.jdk.JdkServerHook;
import dev.respawn.recorder.servlet.ServletHook;
import dev.respawn.reloader.context.RequestContext;
import dev.respawn.reloader.options.Options;

/**
 * The recorder's part of the agent: opens this worker's journal, hooks the HTTP servers, and
 * turns the journal into a HAR file when the JVM shuts down.
 */
public final class RecorderAgent {

    private RecorderAgent() {
    }

    /**
     * Starts recording; returns what other add-ons may ask about the request a thread serves.
     * Whatever fails is said in one line and leaves the application running unrecorded.
     */
    public static RequestContext install(Options options, Instrumentation instrumentation) {
        Path directory = options.recorderDirectory();
        long pid = ProcessHandle.current().pid();
        Journal journal;
        try {
            journal = Journal.create(directory, pid, Clock.systemDefaultZone());
        } catch (IOException | RuntimeException e) {
            System.err.println("respawn: the recorder cannot write to " + directory + " (" + e
                    + "); exchanges are not recorded");
            return RequestContext.NONE;
        }
        Recorder recorder = new Recorder(options.recorderBodyLimit(),
                new Redactor(options.recorderRedact(), options.recorderKeepSecrets()), journal,
                Clock.systemUTC(), pid);
        Recorder.activate(recorder);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            recorder.awaitIdle(Duration.ofSeconds(1));
            writeHar(journal);
        }, "respawn-recorder"));
        hook("the JDK HTTP server", () -> JdkServerHook.install(instrumentation));
        hook("servlet containers", () -> ServletHook.install(instrumentation));
        return recorder;
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

    private static void writeHar(Journal journal) {
        try {
            journal.close();
            HarFile.Converted converted = HarFile.convert(journal.path(), version());
            if (converted.har() != null) {
                System.err.println("respawn: recorded " + converted.entries() + " exchange"
                        + (converted.entries() == 1 ? "" : "s") + " in " + converted.har());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("respawn: the recording stays in " + journal.path() + " (" + e
                    + "); turn it into HAR with: java -jar respawn.jar har " + journal.path().getParent());
        }
    }
}
