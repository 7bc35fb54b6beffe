package dev.respawn.reloader.channel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.LinkedHashMap;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.respawn.reloader.tracking.ClassOrigin;
import dev.respawn.reloader.tracking.TrackingListener;

/**
 * The agent's end of the report channel: sends what the tracker learns, and notices when the
 * supervisor is gone so that no worker outlives it.
 */
public final class ReportClient implements TrackingListener, AutoCloseable {

    /** The name of a warm worker's thread while it waits for go, every add-on installed. */
    public static final String WAITING_THREAD = "respawn-waiting";

    private final Socket socket;
    private final Writer out;
    private final boolean warm;
    private final java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closed;

    private ReportClient(Socket socket, boolean warm) throws IOException {
        this.socket = socket;
        this.warm = warm;
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Whether this JVM is a warm worker, to wait before {@code main}: the JVM the supervisor itself
     * started, not one the application starts later with the same environment; or one whose
     * supervisor is already gone (it must not run the application at all).
     */
    public static boolean isWarm(Map<String, String> environment) {
        String warmFor = environment.get(ReportProtocol.WARM_VARIABLE);
        if (warmFor == null || !environment.containsKey(ReportProtocol.PORT_VARIABLE)) {
            return false;
        }
        long supervisor;
        try {
            supervisor = Long.parseLong(warmFor);
        } catch (NumberFormatException e) {
            return false;
        }
        boolean ours = ProcessHandle.current().parent().map(parent -> parent.pid() == supervisor).orElse(false);
        return ours || ProcessHandle.of(supervisor).map(handle -> !handle.isAlive()).orElse(true);
    }

    /** Connects when the environment names a supervisor; empty when run without one. */
    public static Optional<ReportClient> fromEnvironment(Map<String, String> environment) throws IOException {
        String port = environment.get(ReportProtocol.PORT_VARIABLE);
        String token = environment.get(ReportProtocol.TOKEN_VARIABLE);
        if (port == null || token == null) {
            return Optional.empty();
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port));
        socket.setTcpNoDelay(true);
        ReportClient client = new ReportClient(socket, isWarm(environment));
        client.send(ReportProtocol.hello(token, ProcessHandle.current().pid()));
        return Optional.of(client);
    }

    /**
     * Serves the supervisor's requests (hot swaps with {@code redefiner}, in-JVM restarts with
     * {@code restart}) on a daemon thread, and runs {@code onSupervisorGone} when the supervisor
     * closes the channel.
     */
    public void listen(Redefiner redefiner, InJvmRestart restart, Runnable onSupervisorGone) {
        Thread watch = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                Map<String, byte[]> batch = new LinkedHashMap<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] fields = line.split("\t", -1);
                    if (fields[0].equals("redefine") && fields.length == 4) {
                        batch.put(fields[2], WorkerLink.decode(fields[3]));
                    } else if (fields[0].equals("commit") && fields.length == 2) {
                        Optional<String> error = redefine(redefiner, batch);
                        batch.clear();
                        send(ReportProtocol.redefined(Long.parseLong(fields[1]), error));
                    } else if (fields[0].equals(ReportProtocol.GO)) {
                        go.countDown();
                    } else if (fields[0].equals("restart") && fields.length == 2) {
                        send(ReportProtocol.restarted(Long.parseLong(fields[1]), restart(restart)));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Same as the end of the stream.
            }
            if (!closed) {
                onSupervisorGone.run();
            }
        }, "respawn-supervisor-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static Optional<String> redefine(Redefiner redefiner, Map<String, byte[]> batch) {
        try {
            return redefiner.redefine(batch);
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(e.toString());
        }
    }

    private static Optional<String> restart(InJvmRestart restart) {
        try {
            return restart.restart();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(e.toString());
        }
    }

    /**
     * In a warm worker (started ahead of need by the supervisor), blocks until the supervisor says
     * {@code go}; returns at once in any other. The supervisor's going away ends the JVM meanwhile.
     */
    public void awaitGoIfWarm() {
        if (!warm) {
            return;
        }
        Thread waiting = Thread.currentThread();
        String name = waiting.getName();
        // Linux shows it as the thread's name (/proc/PID/task/TID/comm): this JVM is ready and waits.
        waiting.setName(WAITING_THREAD);
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.setName(name);
        }
    }

    /** Closes the channel, as this JVM ends; the supervisor is not told anything by it. */
    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
    }

    /** Reports this JVM's class path ({@code java.class.path}), each entry made absolute. */
    public void classPath(String classPath) {
        send(ReportProtocol.classPath(dev.respawn.reloader.compile.ClassPath.entries(classPath).stream()
                .filter(entry -> entry.toString().indexOf('\t') < 0 && entry.toString().indexOf('\n') < 0)
                .toList()));
    }

    /** Says that the application's {@code main} threw while other threads keep this JVM up. */
    public void mainFailed(String trace) {
        send(ReportProtocol.mainFailed(trace));
    }

    @Override
    public void root(Path root, boolean directory) {
        send(ReportProtocol.root(root, directory));
    }

    @Override
    public void loaded(ClassOrigin origin) {
        send(ReportProtocol.loaded(origin));
    }

    private synchronized void send(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // The supervisor is gone; onSupervisorGone deals with that.
        }
    }
}
