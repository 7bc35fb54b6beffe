package dev.respawn.it;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real process started from the real respawn.jar (the supervisor, or a JVM with the agent),
 * with its output captured for assertions and echoed for the test log; ended, tree and all,
 * by {@link #close()}.
 */
final class RespawnProcess implements AutoCloseable {

    private final Process process;
    private final Capture out;
    private final Capture err;

    private RespawnProcess(Process process, String name) {
        this.process = process;
        this.out = new Capture(process.getInputStream(), System.out, name);
        this.err = new Capture(process.getErrorStream(), System.out, name);
    }

    /** {@code java -jar respawn.jar ARGS...} in {@code directory}. */
    static RespawnProcess supervisor(Path directory, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(TestEnvironment.java(), "-jar", TestEnvironment.respawnJar().toString()));
        command.addAll(arguments);
        return start(directory, command, Map.of(), "supervisor");
    }

    /** Any command, e.g. a JVM with {@code -javaagent:respawn.jar}. */
    static RespawnProcess start(Path directory, List<String> command, Map<String, String> environment, String name)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        return new RespawnProcess(builder.start(), name);
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    String stderr() {
        return err.text();
    }

    String stdout() {
        return out.text();
    }

    /** How many times {@code regex} occurs in the standard error so far. */
    int count(String regex) {
        return (int) Pattern.compile(regex).matcher(stderr()).results().count();
    }

    void awaitStderr(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> pattern.matcher(stderr()).find());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("stderr did not match /" + regex + "/ within " + timeout + "; it was:\n" + stderr(), e);
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("did not exit within " + timeout + "; stderr:\n" + stderr());
        }
        out.join();
        err.join();
        return process.exitValue();
    }

    void writeLine(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * SIGTERM (what Ctrl-C's SIGINT and systemd's stop do alike for a JVM), through the process
     * handle: {@link Process#destroy()} would also close our ends of its pipes and lose what it
     * prints on its way out.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** Reads a stream to the end on a thread, keeping what it read and echoing it. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final OutputStream echo;
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();

        Capture(InputStream in, OutputStream echo, String name) {
            super("capture-" + name);
            setDaemon(true);
            this.in = in;
            this.echo = echo;
            start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (text) {
                        text.write(buffer, 0, n);
                    }
                    echo.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // Process ended.
            }
        }

        String text() {
            synchronized (text) {
                return text.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
