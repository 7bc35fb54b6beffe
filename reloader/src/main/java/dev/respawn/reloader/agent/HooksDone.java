package dev.respawn.reloader.agent;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.respawn.reloader.output.Handoff;
import dev.respawn.reloader.restart.ShutdownHooks;

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

    static void install(Path debugDirectory, Instrumentation instrumentation) {
        Set<Thread> registry = registry(instrumentation);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!Handoff.isMine(debugDirectory) || writesAsItDies(jvmArguments())) {
                return;
            }
            if (registry != null && !deleteOnExitUsed(instrumentation)) {
                // The other hooks awaited here, so the note comes before the exiting thread goes on:
                // watching it from another thread missed its short way from the hooks to the JVM's
                // exit in 9 of 12 debug-mode restarts, and the exit then waited 300 ms for JDWP.
                awaitOthers(registry);
                Handoff.note(debugDirectory, NOTE);
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

    /** The JDK's live set of application hooks ({@link ShutdownHooks#live}), or null where it cannot be read. */
    private static Set<Thread> registry(Instrumentation instrumentation) {
        try {
            instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(HooksDone.class.getModule())), Set.of(), Map.of());
            return ShutdownHooks.live();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Waits for every application hook but this one, as the JVM does; one the JVM has not started
     * yet (it starts them all, one after the other, before it waits) is awaited from its start.
     */
    static void awaitOthers(Set<Thread> registry) {
        for (Thread hook : List.copyOf(registry)) {
            while (hook != Thread.currentThread() && hook.getState() != Thread.State.TERMINATED) {
                if (hook.getState() == Thread.State.NEW) {
                    Thread.yield();
                    continue;
                }
                try {
                    hook.join();
                } catch (InterruptedException e) {
                    // The JVM's own wait goes on through interrupts too.
                }
            }
        }
    }

    /**
     * Whether the application asked for a file to be deleted on exit: the JDK loads the class that
     * deletes them (a hook that runs after the application's) at the first such call, and a kill
     * right after the application's hooks would leave those files.
     */
    private static boolean deleteOnExitUsed(Instrumentation instrumentation) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (loaded.getName().equals("java.io.DeleteOnExitHook")) {
                return true;
            }
        }
        return false;
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
