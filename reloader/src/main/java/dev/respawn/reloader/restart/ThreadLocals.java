package dev.respawn.reloader.restart;

import java.lang.ref.Reference;
import java.lang.reflect.Field;

/** ThreadLocal values of a surviving thread that belong to the dropped life. */
final class ThreadLocals {

    private static final Field[] MAPS;
    private static final Field TABLE;
    private static final Field VALUE;

    static {
        Field[] maps = null;
        Field table = null;
        Field value = null;
        try {
            maps = new Field[] {Thread.class.getDeclaredField("threadLocals"),
                Thread.class.getDeclaredField("inheritableThreadLocals")};
            table = Class.forName("java.lang.ThreadLocal$ThreadLocalMap").getDeclaredField("table");
            value = Class.forName("java.lang.ThreadLocal$ThreadLocalMap$Entry").getDeclaredField("value");
            for (Field field : maps) {
                field.setAccessible(true);
            }
            table.setAccessible(true);
            value.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            maps = null;
        }
        MAPS = maps;
        TABLE = table;
        VALUE = value;
    }

    private ThreadLocals() {
    }

    static void clear(Thread thread, ClassLoader dropped) {
        if (MAPS == null) {
            return;
        }
        try {
            for (Field field : MAPS) {
                Object map = field.get(thread);
                Object[] entries = map == null ? null : (Object[]) TABLE.get(map);
                if (entries == null) {
                    continue;
                }
                for (Object entry : entries) {
                    if (entry == null) {
                        continue;
                    }
                    Reference<?> key = (Reference<?>) entry;
                    if (belongs(key.get(), dropped) || belongs(VALUE.get(entry), dropped)) {
                        // A cleared key makes the entry stale: the owner never sees it again.
                        key.clear();
                        VALUE.set(entry, null);
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Best effort: the loader may then stay in memory a while longer.
        }
    }

    private static boolean belongs(Object object, ClassLoader dropped) {
        if (object == null) {
            return false;
        }
        Class<?> type = object instanceof Class<?> c ? c : object.getClass();
        return Leftovers.within(type.getClassLoader(), dropped) || object instanceof ClassLoader l && Leftovers.within(l, dropped);
    }
}
