package dev.respawn.reloader.supervisor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Gives a JVM that is still running its shutdown hooks when {@code --shutdown-timeout} is up more
 * time, for as long as it is working on them: a busy machine can take longer than the timeout to
 * close an application and write what the add-ons write at exit (coverage, a profile, a HAR), and
 * a kill then loses them. Working means the JVM's thread that runs the hooks (its "SIGTERM
 * handler") is alive and the process used CPU in the last half second; a hook that waits on
 * nothing (a sleep, a lock) is not given more. Linux only (it reads /proc).
 */
final class ShutdownGrace {

    /** How much longer than the timeout a working JVM may take in all. */
    static final int BOUND_TIMES_TIMEOUT = 6;
    private static final Duration WINDOW = Duration.ofMillis(500);
    /** CPU time in a window that counts as work: two clock ticks, more than an idle JVM's timers use. */
    private static final long WORKING_TICKS = 2;
    private static final String HOOK_RUNNER = "SIGTERM handler";

    private ShutdownGrace() {
    }

    /**
     * Waits, past the timeout already spent, while {@code jvm} runs its shutdown hooks and works,
     * at most {@code more}; returns whether it exited. {@code extending} runs once, when it waits.
     */
    static boolean awaitWhileWorking(ProcessHandle jvm, Duration more, Runnable extending) {
        long deadline = System.nanoTime() + more.toNanos();
        long ticks = cpuTicks(jvm);
        boolean said = false;
        while (ProcessTree.running(jvm) && System.nanoTime() < deadline && runsHooks(jvm)) {
            if (!ProcessTree.awaitExit(java.util.List.of(jvm), WINDOW)) {
                long now = cpuTicks(jvm);
                if (ticks < 0 || now - ticks < WORKING_TICKS) {
                    return !ProcessTree.running(jvm);
                }
                ticks = now;
                if (!said) {
                    said = true;
                    extending.run();
                }
            }
        }
        return !ProcessTree.running(jvm);
    }

    /** Whether the JVM has the thread that runs its shutdown hooks after a SIGTERM. */
    static boolean runsHooks(ProcessHandle jvm) {
        Path tasks = Path.of("/proc", Long.toString(jvm.pid()), "task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                try {
                    if (Files.readString(thread.resolve("comm")).strip().equals(HOOK_RUNNER)) {
                        return true;
                    }
                } catch (IOException e) {
                    // The thread ended while we looked.
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** User and system time of the process, in clock ticks; -1 once it is gone. */
    static long cpuTicks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // After the command's closing parenthesis: state is field 3, utime 14 and stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
