package dev.respawn.reloader.agent;

import java.util.ArrayList;
import java.util.List;

import dev.respawn.reloader.channel.ReportClient;

/**
 * What add-ons begin only once the application runs, because it leaves a file of one JVM's life
 * (a profile, a recording, a coverage session): at once in a worker, at {@code go} in a warm
 * worker, so that a warm worker that is discarded before it ran leaves nothing behind.
 */
public final class AtGo {

    private static final List<Runnable> PENDING = new ArrayList<>();
    private static Boolean warm;
    private static boolean gone;

    private AtGo() {
    }

    /**
     * Runs {@code start} now, or, in a warm worker still waiting, just before the application's
     * {@code main} once the supervisor says go (in the order given). {@code start} reports its
     * own failures; one that throws is said in one line and the others still run.
     */
    public static void run(Runnable start) {
        synchronized (PENDING) {
            if (warm == null) {
                warm = ReportClient.isWarm(System.getenv());
            }
            if (warm && !gone) {
                PENDING.add(start);
                return;
            }
        }
        runGuarded(start);
    }

    /**
     * In a warm worker, runs {@code warmUp} now, while it waits for go: work that the application's
     * start would otherwise pay on its way (loading, linking and compiling the code that rewrites
     * the application's classes as they load), done on classes that are not the application's. In
     * any other JVM, does nothing: its start would pay it all the same. One that throws is said
     * in one line.
     */
    public static void ahead(Runnable warmUp) {
        synchronized (PENDING) {
            if (warm == null) {
                warm = ReportClient.isWarm(System.getenv());
            }
            if (!warm || gone) {
                return;
            }
        }
        try {
            warmUp.run();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("respawn: an add-on could not get ready ahead (" + e + ")");
        }
    }

    /**
     * The class files of {@code classes} (respawn's own, never the application's), for an add-on's
     * {@link #ahead} to rewrite; those that cannot be read are left out.
     */
    public static List<byte[]> classFiles(Class<?>... classes) {
        List<byte[]> files = new ArrayList<>();
        for (Class<?> type : classes) {
            String resource = "/" + type.getName().replace('.', '/') + ".class";
            try (java.io.InputStream in = type.getResourceAsStream(resource)) {
                if (in != null) {
                    files.add(in.readAllBytes());
                }
            } catch (java.io.IOException e) {
                // Left out: a warm-up needs no particular class.
            }
        }
        return files;
    }

    /** Called once, on {@code go}: runs what waited for it. */
    static void go() {
        List<Runnable> starts;
        synchronized (PENDING) {
            gone = true;
            starts = List.copyOf(PENDING);
            PENDING.clear();
        }
        starts.forEach(AtGo::runGuarded);
    }

    private static void runGuarded(Runnable start) {
        try {
            start.run();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("respawn: an add-on could not begin its recording (" + e + ")");
        }
    }
}
