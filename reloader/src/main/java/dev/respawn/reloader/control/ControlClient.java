package dev.respawn.reloader.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command line's end of the control channel: finds the running worker from its control file
 * (the newest whose process is alive) and sends it one command.
 */
public final class ControlClient {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final Path directory;

    /** @param directory the control files' folder ({@link ControlFile#directory}) */
    public ControlClient(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("'directory' must not be null");
        }
        this.directory = directory;
    }

    /**
     * Sends {@code command} (and its argument, if any, after a space) and returns the worker's answer.
     *
     * @throws ControlException when no worker runs, none answers, or the worker answers with an error
     */
    public String send(String command) throws ControlException {
        return send(command, Duration.ofMillis(TIMEOUT_MILLIS));
    }

    /** {@link #send(String)}, waiting up to {@code timeout} for the answer (a profile takes its time). */
    public String send(String command, Duration timeout) throws ControlException {
        List<ControlFile> workers = liveWorkers();
        if (workers.isEmpty()) {
            throw new ControlException("no running worker found under " + directory);
        }
        IOException last = null;
        for (ControlFile worker : workers) {
            String answer;
            try {
                answer = exchange(worker, worker.token() + " " + command, timeout);
            } catch (IOException e) {
                // A process that reused a dead worker's pid, say: try the next one.
                last = e;
                continue;
            }
            if (answer == null) {
                throw new ControlException("the worker (pid " + worker.pid() + ") closed the connection without answering");
            }
            if (answer.startsWith(ControlProtocol.OK)) {
                return answer.substring(ControlProtocol.OK.length());
            }
            throw new ControlException(answer.startsWith(ControlProtocol.ERROR)
                    ? answer.substring(ControlProtocol.ERROR.length()) : answer);
        }
        throw new ControlException("no running worker answered on its control port (" + last.getMessage()
                + "); control files are under " + directory);
    }

    private static String exchange(ControlFile worker, String request, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), worker.port()), TIMEOUT_MILLIS);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            OutputStream out = socket.getOutputStream();
            out.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            return in.readLine();
        }
    }

    /** The control files of live processes, newest first; files of dead ones are removed. */
    List<ControlFile> liveWorkers() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(f -> f.getFileName().toString().matches("\\d+\\.json")).forEach(files::add);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            return List.of();
        }
        files.sort(Comparator.comparing(ControlClient::modified).reversed());
        List<ControlFile> live = new ArrayList<>();
        for (Path file : files) {
            ControlFile worker = ControlFile.read(file);
            long pid = Long.parseLong(file.getFileName().toString().replace(".json", ""));
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                deleteQuietly(file);
            } else if (worker != null) {
                live.add(worker);
            }
        }
        return live;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Someone else's to tidy.
        }
    }
}
