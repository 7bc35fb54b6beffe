package dev.respawn.reloader.restart;

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
}
