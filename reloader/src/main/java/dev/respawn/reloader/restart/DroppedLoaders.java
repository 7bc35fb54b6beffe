package dev.respawn.reloader.restart;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The class loaders of the lives that ended, held weakly, to tell whether they are collected. */
final class DroppedLoaders {

    private final List<WeakReference<ClassLoader>> dropped = new ArrayList<>();

    synchronized void add(ClassLoader loader) {
        dropped.add(new WeakReference<>(loader));
    }

    /**
     * One line on the lives so far, for {@code respawn status}: after a full GC, how many dropped
     * loaders remain, and the heap and metaspace in use.
     */
    String status(int life) {
        System.gc();
        System.gc();
        int total;
        List<String> alive = new ArrayList<>();
        synchronized (this) {
            total = dropped.size();
            dropped.stream().map(WeakReference::get).filter(Objects::nonNull).forEach(loader -> alive.add(loader.getName()));
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return "life " + life + ", " + total + " in-JVM restart"
                + (total == 1 ? "" : "s") + ", " + alive.size() + " dropped class loader" + (alive.size() == 1 ? "" : "s")
                + " still in memory after a full GC" + (alive.isEmpty() ? "" : " " + alive)
                + ", heap used " + heap / (1024 * 1024) + " MiB, metaspace used " + metaspaceKib() + " KiB";
    }

    /** Metaspace in use, where the classes of dropped lives would pile up; -1 if the JVM does not say. */
    private static long metaspaceKib() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed() / 1024).findFirst().orElse(-1);
    }
}
