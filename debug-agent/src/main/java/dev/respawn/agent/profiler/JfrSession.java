package dev.respawn.agent.profiler;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.text.ParseException;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The fallback where async-profiler cannot run (Windows, an unsupported libc, a noexec directory):
 * the JDK's own Flight Recorder with its "profile" settings, so a profile is always written.
 */
final class JfrSession implements ProfileSession {

    private static final Duration PATIENCE = Duration.ofSeconds(4);

    private final Recording recording;
    private final Path jfr;

    private JfrSession(Recording recording, Path jfr) {
        this.recording = recording;
        this.jfr = jfr;
    }

    static JfrSession start(Path directory, String stem) throws IOException {
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (ParseException e) {
            throw new IOException("the JDK's 'profile' JFR settings do not parse: " + e.getMessage(), e);
        }
        Path jfr = directory.resolve(stem + ".jfr");
        recording.setName("respawn");
        recording.setToDisk(true);
        // JFR's own shutdown hook stops every recording and deletes its repository; ours cannot
        // run before it, and racing it loses data. With a destination and dump-on-exit, JFR's hook
        // writes the file itself, and ours only waits for it.
        recording.setDestination(jfr);
        recording.setDumpOnExit(true);
        recording.start();
        return new JfrSession(recording, jfr);
    }

    /** Ends a window or a life while the JVM runs on: stopping writes the destination. */
    @Override
    public Path stop() throws IOException {
        try {
            recording.stop();
        } catch (IllegalStateException e) {
            // JFR's shutdown hook got there first: the JVM is ending after all.
            return stopAtExit();
        }
        recording.close();
        return jfr;
    }

    @Override
    public Path stopAtExit() throws IOException {
        awaitWrittenByJfr();
        return jfr;
    }

    @Override
    public String event() {
        return "cpu";
    }

    /** Waits until JFR's shutdown hook has stopped the recording and its file stops growing. */
    private void awaitWrittenByJfr() throws IOException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long size = -1;
        while (System.nanoTime() < deadline) {
            if (recording.getState() != jdk.jfr.RecordingState.RUNNING && Files.isRegularFile(jfr)) {
                long now = Files.size(jfr);
                if (now > 0 && now == size) {
                    return;
                }
                size = now;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IOException("the Flight Recorder wrote no complete recording to " + jfr + " within "
                + PATIENCE.toSeconds() + " s");
    }
}
