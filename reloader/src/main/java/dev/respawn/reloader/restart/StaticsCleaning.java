package dev.respawn.reloader.restart;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Clears what the jars' static state keeps of an ended life ({@link Leftovers#clearStatics}), on a
 * low-priority daemon thread once the next life is up, one ended life after another.
 */
final class StaticsCleaning {

    private final Instrumentation instrumentation;
    private final ClassLoader base;
    private final StaticCaches caches = new StaticCaches();
    private volatile Thread cleaning;

    StaticsCleaning(Instrumentation instrumentation, ClassLoader base) {
        this.instrumentation = instrumentation;
        this.base = base;
    }

    /**
     * Starts clearing what refers to {@code dropped} from the statics of the jar classes that the
     * ended life used first ({@code firstUsed}, binary names), once the clearing before is done and
     * {@code up} is counted down (the next life is up).
     */
    void start(ClassLoader dropped, Set<String> firstUsed, CountDownLatch up) {
        Thread previous = cleaning;
        Thread thread = new Thread(() -> {
            join(previous);
            try {
                up.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Class<?>> classes = new ArrayList<>();
            for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
                if (loaded.getClassLoader() == base && firstUsed.contains(loaded.getName())) {
                    classes.add(loaded);
                }
            }
            Leftovers.clearStatics(dropped, classes, caches);
        }, "respawn-leftovers");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        cleaning = thread;
        thread.start();
    }

    /** Waits for the clearing under way, if any. */
    void await() {
        join(cleaning);
    }

    private static void join(Thread thread) {
        if (thread != null) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
