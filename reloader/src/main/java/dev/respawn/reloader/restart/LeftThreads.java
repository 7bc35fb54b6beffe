package dev.respawn.reloader.restart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The threads a life started that keep it running, as its stop finds them: its {@code main}, its
 * other threads that are no daemon, and its daemons that run its code; and the wait for them to end.
 */
final class LeftThreads {

    /**
     * How long threads that all sleep in {@code Thread.sleep} are given before the wait gives up on
     * them, so that they are interrupted at once rather than after the whole wait: a loop that
     * polls with short sleeps ends by itself within it, and a thread that sleeps for seconds (Javalin's
     * check, 5 s after each start, that the server was started; Netty's event loops waking each
     * 100 ms in a shutdown's quiet period) would only keep the next life waiting.
     */
    static final Duration SLEEP_GRACE = Duration.ofMillis(40);

    private final Set<Thread> before = Collections.newSetFromMap(new IdentityHashMap<>());
    private final RestartLoader loader;
    private final Supplier<Thread> main;

    /** @param main the life's main thread, null before it began */
    LeftThreads(RestartLoader loader, Supplier<Thread> main) {
        this.loader = loader;
        this.main = main;
        before.addAll(Threads.all());
    }

    /** The threads this life started that keep it running, its main thread first. */
    List<Thread> all() {
        List<Thread> left = new ArrayList<>();
        Thread current = main.get();
        if (current != null && current.isAlive() && current != Thread.currentThread()) {
            left.add(current);
        }
        for (Thread thread : Threads.all()) {
            if (thread != Thread.currentThread() && thread != current && !before.contains(thread)
                    && !Threads.isRespawnOrJvm(thread) && keepsRunning(thread)) {
                left.add(thread);
            }
        }
        return left;
    }

    /**
     * Whether a thread other than main keeps the life running: alive, and no daemon or a daemon
     * that runs the life's code, and not a library's once-per-JVM executor (looked at again each
     * time: a thread just started has no stack to tell yet).
     */
    private boolean keepsRunning(Thread thread) {
        return thread.isAlive() && (!thread.isDaemon() || runsOurCode(thread)) && !Threads.isJvmWide(thread);
    }

    /**
     * Waits until none is left, or until {@code deadline} ({@link System#nanoTime()}), or until all
     * that are left have slept in {@code Thread.sleep} for {@link #SLEEP_GRACE} if {@code
     * sleepersToo} (the first wait, after which they are interrupted; not the one after that). The threads are
     * looked for once and then awaited one by one (each looked at alone while it runs on), and
     * looked for again once those ended: each look at every thread's stack costs the JVM a pause of
     * that thread.
     *
     * @return empty when none is left, else which did not end
     */
    Optional<String> await(long deadline, boolean sleepersToo) {
        long sleepingSince = 0;
        List<Thread> left = all();
        while (!left.isEmpty()) {
            Thread first = left.get(0);
            if (first == main.get() ? !first.isAlive() : !keepsRunning(first)) {
                left.remove(0);
                if (left.isEmpty()) {
                    left = all();
                }
                continue;
            }
            long now = System.nanoTime();
            boolean asleep = sleepersToo && left.stream().allMatch(LeftThreads::sleeps);
            if (deadline - now <= 0 || (asleep && sleepingSince != 0 && now - sleepingSince >= SLEEP_GRACE.toNanos())) {
                // Looked for again: those behind the first were looked at only once.
                List<Thread> still = all();
                return still.isEmpty() ? Optional.empty() : Optional.of(notEnded(still));
            }
            if (asleep) {
                if (sleepingSince == 0) {
                    sleepingSince = now;
                }
            } else {
                sleepingSince = 0;
            }
            try {
                first.join(Math.min(TimeUnit.NANOSECONDS.toMillis(deadline - now) + 1, 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
        return Optional.empty();
    }

    private String notEnded(List<Thread> left) {
        Thread first = left.get(0);
        return "thread '" + first.getName() + "'" + where(first) + " did not end when the application was stopped"
                + (left.size() > 1 ? " (nor " + (left.size() - 1) + " more)" : "");
    }

    /** Whether the thread waits in {@code Thread.sleep} (its native frame is named sleep, sleep0 or sleepNanos0). */
    static boolean sleeps(Thread thread) {
        if (thread.getState() != Thread.State.TIMED_WAITING) {
            return false;
        }
        StackTraceElement[] frames = thread.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().equals("java.lang.Thread")
                && frames[0].getMethodName().startsWith("sleep");
    }

    /** Whether the thread runs code of this life (a daemon thread doing so would run old code on). */
    private boolean runsOurCode(Thread thread) {
        if (thread.getClass().getClassLoader() == loader) {
            return true;
        }
        String name = loader.getName();
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (name.equals(frame.getClassLoaderName())) {
                return true;
            }
        }
        return false;
    }

    /** Where the thread is: its innermost frame of this life's code, else its innermost frame. */
    String where(Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (loader.getName().equals(frame.getClassLoaderName())) {
                return " (at " + frame.getClassName() + "." + frame.getMethodName() + ")";
            }
        }
        return frames.length == 0 ? "" : " (at " + frames[0].getClassName() + "." + frames[0].getMethodName() + ")";
    }
}
