package dev.respawn.reloader.agent;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import dev.respawn.reloader.output.Handoff;

/**
 * Tells the supervisor, when it stops this worker for a process restart ({@link Handoff}), the
 * moment every shutdown hook has run (the application's and the add-ons': the life's files are
 * written), so that it can end the JVM at once. What the JVM does after its hooks took longer than
 * all of them: an idle JVM with JDWP listening took 0.5 to 2.7 s to exit on a loaded 2-core machine,
 * against 0.1 to 0.3 s without (the JVM's exit waits, 30 rounds of 10 ms, for threads in native
 * code, and JDWP's listener sits in {@code accept}).
 */
final class HooksDone {

    /** The note the supervisor looks for. */
    static final String NOTE = "hooks done";

    private HooksDone() {
    }

    static void install(Path debugDirectory) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!Handoff.isMine(debugDirectory) || writesAsItDies(jvmArguments())) {
                return;
            }
            Thread exiting = exitingThread();
            if (exiting == null) {
                return;
            }
            // Not a hook itself (the exiting thread waits for every hook): it sees the hooks end.
            Thread watch = new Thread(() -> watch(exiting, debugDirectory), "respawn-hooks-done");
            watch.setDaemon(true);
            watch.start();
        }, "respawn-exit-watch"));
    }

    /**
     * Whether the JVM writes a file after its hooks, as it dies, which a kill would cut short: the
     * class list or archive of class-data sharing, an AOT cache being recorded, a native agent's
     * output (any but JDWP's).
     */
    static boolean writesAsItDies(List<String> jvmArguments) {
        return jvmArguments.stream().anyMatch(argument -> argument.startsWith("-XX:DumpLoadedClassList")
                || argument.startsWith("-XX:ArchiveClassesAtExit") || argument.startsWith("-XX:AOTCacheOutput")
                || argument.startsWith("-XX:AOTMode=record") || argument.startsWith("-agentpath:")
                || argument.startsWith("-agentlib:") && !argument.startsWith("-agentlib:jdwp="));
    }

    /** This JVM's options; with no java.management module (a jlink'ed runtime), one that says "leave it". */
    private static List<String> jvmArguments() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (LinkageError | RuntimeException e) {
            return List.of("-agentpath:unknown");
        }
    }

    /** The thread that runs the JVM's shutdown: it waits in the application hooks' runner for them all. */
    private static Thread exitingThread() {
        for (var entry : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : entry.getValue()) {
                if (frame.getClassName().startsWith("java.lang.ApplicationShutdownHooks")) {
                    return entry.getKey();
                }
            }
        }
        return null;
    }

    private static void watch(Thread exiting, Path debugDirectory) {
        while (exiting.isAlive()) {
            if (pastHooks(exiting.getStackTrace())) {
                Handoff.note(debugDirectory, NOTE);
                return;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Halting: past the application's hooks and the delete-on-exit files, in {@code Shutdown.halt}.
     * Should the JVM stop every thread for its exit before this is seen, it just exits as before.
     */
    static boolean pastHooks(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals("java.lang.Shutdown") && frame.getMethodName().startsWith("halt")) {
                return true;
            }
        }
        return false;
    }
}
