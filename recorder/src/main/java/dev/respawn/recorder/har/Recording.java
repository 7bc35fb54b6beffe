package dev.respawn.recorder.har;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.respawn.recorder.capture.RecordedExchange;
import dev.respawn.reloader.context.LifeOutputs;
import dev.respawn.reloader.output.Retention;

/**
 * A worker's recording: a journal for each life of the application, turned into a HAR file when
 * that life ends (a restart inside the JVM, or the JVM's exit), so that each HAR holds one version
 * of the code and can be opened while the next life runs.
 */
public final class Recording implements Consumer<RecordedExchange> {

    private final Path directory;
    private final long pid;
    private final Clock clock;
    private final String creator;
    private final Consumer<String> say;
    /** Where the HAR files of lives that ended inside the JVM are written, once the next life is up. */
    private volatile LifeOutputs outputs = new LifeOutputs();
    private volatile Journal journal;
    private volatile int keepLives = Integer.MAX_VALUE;

    private Recording(Path directory, long pid, Clock clock, String creator, Consumer<String> say, Journal first) {
        this.directory = directory;
        this.pid = pid;
        this.clock = clock;
        this.creator = creator;
        this.say = say;
        this.journal = first;
    }

    /**
     * Opens the first life's journal.
     *
     * @param creator the creator version written into the HAR files
     * @param say tells the user what was written, one line
     */
    public static Recording start(Path directory, long pid, Clock clock, String creator, Consumer<String> say)
            throws IOException {
        Recording recording = prepare(directory, pid, clock, creator, say);
        recording.begin();
        return recording;
    }

    /**
     * A recording with no journal yet ({@link #begin()} opens the first): exchanges meanwhile are
     * dropped, and one that never begins writes nothing (a warm worker's that was discarded).
     */
    public static Recording prepare(Path directory, long pid, Clock clock, String creator, Consumer<String> say) {
        return new Recording(directory, pid, clock, creator, say, null);
    }

    /** Writes the HAR files of lives that ended inside the JVM through {@code outputs} (the worker's, shared by the add-ons). */
    public void writeThrough(LifeOutputs outputs) {
        this.outputs = outputs;
    }

    /** Opens the first life's journal. */
    public void begin() throws IOException {
        journal = Journal.create(directory, pid, clock);
    }

    @Override
    public void accept(RecordedExchange exchange) {
        Journal current = journal;
        if (current != null) {
            current.accept(exchange);
        }
    }

    /** Keeps the HAR files of the last {@code lives} lives in the directory, deleting older ones as each is written. */
    public void keepLives(int lives) {
        if (lives < 1) {
            throw new IllegalArgumentException("'lives' must be 1 or more, not " + lives);
        }
        this.keepLives = lives;
    }

    /** The journal the current life writes to; null before {@link #begin()}. */
    public Path journal() {
        Journal current = journal;
        return current == null ? null : current.path();
    }

    /**
     * Ends a life: the next exchanges go to a new journal, and the ended one becomes HAR off the
     * restart's path, once the next life is up. Called once the application has stopped, with no
     * exchange in flight. If no new journal can be opened, the next life is recorded into the same one.
     */
    public void nextLife() {
        Journal ended = journal;
        if (ended == null) {
            return;
        }
        try {
            journal = Journal.create(directory, pid, clock);
        } catch (IOException | RuntimeException e) {
            say.accept("the recorder cannot begin a new file in " + directory + " (" + e
                    + "); the next life is recorded with the last one");
            return;
        }
        outputs.write(() -> writeHar(ended));
    }

    /** Ends the last life, as the JVM exits, and waits (at most 10 s) for the HAR files still being written. */
    public void finish() {
        finish(false);
    }

    /**
     * {@link #finish()}; with {@code leaveLast}, the last life's journal is only closed, complete on
     * disk, for the supervisor to turn into HAR after a process restart (see {@code Handoff}).
     */
    public void finish(boolean leaveLast) {
        Journal last = journal;
        if (last != null && leaveLast) {
            try {
                last.close();
            } catch (IOException e) {
                say.accept("could not close the recording " + last.path() + " (" + e + ")");
            }
        } else if (last != null) {
            writeHar(last);
        }
        outputs.awaitWritten(Duration.ofSeconds(10));
    }

    private void writeHar(Journal ended) {
        try {
            ended.close();
            HarFile.Converted converted = HarFile.convert(ended.path(), creator);
            if (converted.har() != null) {
                say.accept("recorded " + converted.entries() + " exchange" + (converted.entries() == 1 ? "" : "s")
                        + " in " + converted.har());
                if (keepLives < Integer.MAX_VALUE) {
                    Retention.prune(directory, keepLives, List.of(".har"));
                }
            }
        } catch (IOException | RuntimeException e) {
            say.accept("the recording stays in " + ended.path() + " (" + e
                    + "); turn it into HAR with: java -jar respawn.jar har " + ended.path().getParent());
        }
    }
}
