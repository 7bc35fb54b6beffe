package dev.respawn.reloader.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A worker's files handed to its supervisor to finish: before it stops a worker for a process
 * restart, the supervisor leaves a marker ({@code <debug directory>/handoff/<pid>}); the worker's
 * add-ons, seeing it as they stop, write only what must come from the worker's memory (a JFR
 * recording, a coverage session, a journal already on disk) and note what is left to derive from
 * it (a flame graph, a HAR file), which the supervisor does once the next worker serves. Without
 * a marker (the supervisor stops, or is gone) a worker writes all of its files itself, as before.
 */
public final class Handoff {

    private static final String FOLDER = "handoff";

    private Handoff() {
    }

    /** The supervisor's side: marks {@code pid}'s files as the supervisor's to finish. */
    public static void mark(Path debugDirectory, long pid) throws IOException {
        Path marker = OwnerOnly.directories(debugDirectory.resolve(FOLDER)).resolve(Long.toString(pid));
        OwnerOnly.newFile(marker);
    }

    /** The worker's side: whether its supervisor has taken over finishing its files as it stops. */
    public static boolean isMine(Path debugDirectory) {
        return isMarked(debugDirectory, ProcessHandle.current().pid());
    }

    /** Whether {@code pid}'s files are marked as the supervisor's to finish (and not finished yet). */
    public static boolean isMarked(Path debugDirectory, long pid) {
        return Files.isRegularFile(marker(debugDirectory, pid));
    }

    /**
     * The worker's side: notes one thing left for the supervisor (a tab-separated line its add-on
     * reads back with {@link #notes}); false when it could not, and the worker must do it itself.
     */
    public static boolean note(Path debugDirectory, String line) {
        try {
            Files.writeString(marker(debugDirectory, ProcessHandle.current().pid()),
                    line.replace('\n', ' ') + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What {@code pid}'s add-ons noted, in order; empty once finished or never marked. */
    public static List<String> notes(Path debugDirectory, long pid) {
        try {
            return Files.readAllLines(marker(debugDirectory, pid), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The supervisor's side: {@code pid}'s files are finished. */
    public static void finished(Path debugDirectory, long pid) {
        try {
            Files.deleteIfExists(marker(debugDirectory, pid));
        } catch (IOException e) {
            // Finishing it again (the next supervisor) does no harm: each add-on skips what exists.
        }
    }

    /** The pids with a marker: workers whose files may still be unfinished. */
    public static List<Long> marked(Path debugDirectory) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> markers = Files.list(debugDirectory.resolve(FOLDER))) {
            markers.map(marker -> marker.getFileName().toString()).filter(name -> name.matches("\\d{1,19}"))
                    .forEach(name -> pids.add(Long.parseLong(name)));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    private static Path marker(Path debugDirectory, long pid) {
        return debugDirectory.resolve(FOLDER).resolve(Long.toString(pid));
    }
}
