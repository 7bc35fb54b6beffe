package dev.respawn.reloader.channel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The supervisor's line to one worker's agent, for asking it to redefine classes or restart in place. */
public final class WorkerLink {

    private final Socket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Optional<String>>> pending = new ConcurrentHashMap<>();

    WorkerLink(Socket socket) {
        this.socket = socket;
    }

    /** Asks the agent to redefine the classes; completes with empty when done, else the reason. */
    public CompletableFuture<Optional<String>> redefine(Map<String, byte[]> classes) {
        long id = ids.incrementAndGet();
        StringBuilder lines = new StringBuilder();
        classes.forEach((name, bytes) -> lines.append(ReportProtocol.redefine(id, name, bytes)).append('\n'));
        lines.append(ReportProtocol.commit(id)).append('\n');
        return ask(id, lines.toString());
    }

    /**
     * Asks the agent to restart the application inside its JVM; completes with empty once the new
     * {@code main} runs, else the reason it could not.
     */
    public CompletableFuture<Optional<String>> restartInJvm() {
        long id = ids.incrementAndGet();
        return ask(id, ReportProtocol.restart(id) + "\n");
    }

    /** Lets a warm worker, waiting before {@code main}, run its application; false when it cannot be reached. */
    public boolean go() {
        try {
            synchronized (this) {
                OutputStream out = socket.getOutputStream();
                out.write((ReportProtocol.GO + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private CompletableFuture<Optional<String>> ask(long id, String lines) {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (this) {
                OutputStream out = socket.getOutputStream();
                out.write(lines.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            pending.remove(id);
            answer.complete(Optional.of("the worker's agent cannot be reached (" + e.getMessage() + ")"));
        }
        return answer;
    }

    void answered(long id, Optional<String> error) {
        CompletableFuture<Optional<String>> answer = pending.remove(id);
        if (answer != null) {
            answer.complete(error);
        }
    }

    void closed() {
        pending.values().forEach(answer -> answer.complete(Optional.of("the worker ended")));
        pending.clear();
    }

    static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}
