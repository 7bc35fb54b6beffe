package dev.respawn.coverage;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import dev.respawn.reloader.output.OwnerOnly;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.ExecutionDataWriter;
import org.jacoco.core.data.SessionInfo;
import org.jacoco.core.tools.ExecFileLoader;

/**
 * The merged exec file, {@code respawn.exec}: each worker life appends its session to it, as
 * JaCoCo's own agent does with {@code append=true}, so nothing written before is ever rewritten
 * and a reader (JaCoCo's CLI, its Maven plugin, ours) sees every session.
 *
 * <p>Every access holds a file lock, so a worker stopping, a dump and a report never interleave
 * their writes. A file damaged by a crash is set aside, what could be read of it kept.
 */
public final class ExecFile {

    /** File locks are per process: threads of one JVM also take turns here. */
    private static final Object IN_PROCESS = new Object();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final CoverageFiles files;
    private final Clock clock;

    public ExecFile(CoverageFiles files, Clock clock) {
        if (files == null || clock == null) {
            throw new IllegalArgumentException("'files' and 'clock' must not be null");
        }
        this.files = files;
        this.clock = clock;
    }

    /** What {@link #load} read, and the one line that says so if a damaged file was set aside. */
    public record Loaded(ExecFileLoader data, Optional<String> setAside) {
    }

    /** Appends one session and its execution data. */
    public void append(SessionInfo session, ExecutionDataStore data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ExecutionDataWriter writer = new ExecutionDataWriter(bytes);
        writer.visitSessionInfo(session);
        data.accept(writer);
        locked(() -> {
            OwnerOnly.fileIfAbsent(files.exec());
            try (FileChannel out = FileChannel.open(files.exec(), StandardOpenOption.WRITE)) {
                long end = out.size();
                ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
                try {
                    while (buffer.hasRemaining()) {
                        out.write(buffer, end + buffer.position());
                    }
                } catch (IOException e) {
                    // A full disk: cut the session that did not fit, so the sessions before it stay readable.
                    out.truncate(end);
                    throw e;
                }
            }
            return null;
        });
    }

    /** Reads every session; a damaged file is set aside and replaced by what could be read of it. */
    public Loaded load() throws IOException {
        return locked(() -> {
            ExecFileLoader loader = new ExecFileLoader();
            try (InputStream in = Files.newInputStream(files.exec())) {
                loader.load(in);
                return new Loaded(loader, Optional.empty());
            } catch (NoSuchFileException e) {
                return new Loaded(loader, Optional.empty());
            } catch (IOException | RuntimeException e) {
                return new Loaded(loader, Optional.of(setAside(loader, e)));
            }
        });
    }

    /** Forgets every session ({@code coverage reset}). */
    public void delete() throws IOException {
        locked(() -> Files.deleteIfExists(files.exec()));
    }

    /** Adds what an agent recorded about its classes to {@code classes.txt}. */
    public void record(RecordedClasses classes) throws IOException {
        locked(() -> {
            classes.mergedWith(RecordedClasses.read(files.classes())).write(files.classes());
            return null;
        });
    }

    /** The recorded classes, for the report. */
    public RecordedClasses recordedClasses() throws IOException {
        return locked(() -> RecordedClasses.read(files.classes()));
    }

    private String setAside(ExecFileLoader salvaged, Exception damage) throws IOException {
        String name = files.exec().getFileName() + ".corrupt-" + STAMP.format(clock.instant().atZone(ZoneId.systemDefault()));
        Path aside = files.exec().resolveSibling(name);
        Files.move(files.exec(), aside, StandardCopyOption.REPLACE_EXISTING);
        int sessions = salvaged.getSessionInfoStore().getInfos().size();
        boolean kept = !salvaged.getExecutionDataStore().getContents().isEmpty();
        if (kept) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(OwnerOnly.newFile(files.exec())))) {
                salvaged.save(out);
            }
        }
        String reason = damage instanceof EOFException ? "it ends in the middle of a record"
                : damage.getMessage() == null ? damage.toString() : damage.getMessage();
        return files.exec() + " was damaged (" + reason + ", probably by an earlier crash); set aside as " + name
                + (kept ? ", keeping the " + sessions + " session(s) read before the damage" : "")
                + "; coverage goes on in a new file";
    }

    private <T> T locked(IoCall<T> call) throws IOException {
        synchronized (IN_PROCESS) {
            OwnerOnly.directories(files.directory());
            OwnerOnly.fileIfAbsent(files.lock());
            try (FileChannel channel = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return call.run();
            }
        }
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T run() throws IOException;
    }
}
