package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/** The JVM's live platform threads, without the cost of their stack traces. */
final class Threads {

    private Threads() {
    }

    static List<Thread> all() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, count);
    }

    /** respawn's own threads (all named so), and the JVM's thread that waits to end it. */
    static boolean isRespawnOrJvm(Thread thread) {
        String name = thread.getName();
        return name.startsWith("respawn-") || name.equals("DestroyJavaVM");
    }

    /**
     * Executors that libraries keep once per JVM and whose thread ends by itself once idle
     * (Netty's GlobalEventExecutor, after a second): no life's to stop, and the next life starts
     * another.
     */
    private static final java.util.Set<String> JVM_WIDE = java.util.Set.of(
            "io.netty.util.concurrent.GlobalEventExecutor$TaskRunner");

    /** Whether the thread runs one of the JVM-wide executors of libraries. */
    static boolean isJvmWide(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (JVM_WIDE.contains(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }

    /** The Runnable a Thread was made with: {@code target} up to Java 17, {@code holder.task} since. */
    static Object task(Thread thread) {
        try {
            Field target = Thread.class.getDeclaredField("target");
            target.setAccessible(true);
            return target.get(thread);
        } catch (NoSuchFieldException e) {
            try {
                Field holder = Thread.class.getDeclaredField("holder");
                holder.setAccessible(true);
                Object fields = holder.get(thread);
                Field task = fields.getClass().getDeclaredField("task");
                task.setAccessible(true);
                return task.get(fields);
            } catch (ReflectiveOperationException | RuntimeException inner) {
                return null;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
