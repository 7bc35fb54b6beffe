package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** One life of the application: its process, its output passed through to ours, and its end. */
final class Worker {

    private final Process process;
    private final OutputTail tail = new OutputTail();
    private final java.util.List<Thread> pumps = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch released;
    private volatile boolean stopRequested;

    private Worker(Process process, boolean held) {
        this.process = process;
        this.released = new java.util.concurrent.CountDownLatch(held ? 1 : 0);
    }

    static Worker start(List<String> command, Map<String, String> environment, Path directory,
            PrintStream out, PrintStream err) throws IOException {
        return start(command, environment, directory, out, err, false);
    }

    /**
     * @param held whether the output waits in the pipes until {@link #release()} (a warm worker's,
     *        which must not reach the terminal while another worker is the application)
     */
    static Worker start(List<String> command, Map<String, String> environment, Path directory,
            PrintStream out, PrintStream err, boolean held) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Worker worker = new Worker(builder.start(), held);
        worker.pump(worker.process.getInputStream(), out, "respawn-stdout");
        worker.pump(worker.process.getErrorStream(), err, "respawn-stderr");
        return worker;
    }

    private void pump(InputStream from, OutputStream to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (from) {
                released.await();
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush();
                    tail.append(buffer, n);
                }
            } catch (IOException e) {
                // The worker's end of the pipe closed.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        thread.setDaemon(true);
        pumps.add(thread);
        thread.start();
    }

    /** Lets held output through to the terminal, from its first byte. */
    void release() {
        released.countDown();
    }

    /** Throws held output away unread, for a warm worker that is not used (it ends anyway). */
    void dropOutput() {
        try {
            process.getInputStream().close();
            process.getErrorStream().close();
        } catch (IOException e) {
            // Closing our end of a pipe: nothing to recover.
        }
        released.countDown();
    }

    /** Waits, at most {@code timeout}, until the ended worker's last output has been passed on. */
    void awaitOutput(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread pump : pumps) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                pump.join(java.time.Duration.ofNanos(left).toMillis() + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Passes a line typed on the supervisor's terminal to the worker. */
    void writeLine(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // The worker does not read its input, or has ended.
        }
    }

    long pid() {
        return process.pid();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /**
     * The ended worker's last {@code lines} lines of output. The process's exit is seen before the
     * pumps have read what it wrote last, so this waits, at most two seconds, for them to finish.
     */
    List<String> lastOutput(int lines) {
        awaitOutput(java.time.Duration.ofSeconds(2));
        return tail.last(lines);
    }

    void markStopRequested() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }
}
