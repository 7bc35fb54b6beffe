package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Class loader fields of long-lived library objects that still name a dropped life's loader,
 * pointed at the jars' loader instead: objects made once per JVM during a life and kept by the
 * jars' classes (Spring Boot's logging system behind its shutdown hook, SpEL's compiler
 * configuration held by Thymeleaf, Spring Boot's shared bind converter). They took the thread's
 * context class loader of the life that made them, and would keep that life in memory for good.
 */
final class LoaderFields {

    /** Enough for the holders of a Spring application; bounds the walk of a large graph. */
    private static final int MAX_OBJECTS = 200_000;

    private LoaderFields() {
    }

    /** Walks the objects reachable from {@code roots} and repoints their loader fields. */
    static void repoint(Collection<Object> roots, ClassLoader dropped) {
        ClassLoader base = dropped.getParent();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> pending = new ArrayDeque<>();
        for (Object root : roots) {
            offer(root, dropped, seen, pending);
        }
        while (!pending.isEmpty() && seen.size() < MAX_OBJECTS) {
            Object value = pending.poll();
            try {
                visit(value, dropped, base, seen, pending);
            } catch (RuntimeException | LinkageError e) {
                // A collection changed while read, a field that cannot be read: the rest still counts.
            }
        }
    }

    /** The values of the static fields of {@code classes}. */
    static Collection<Object> staticValues(Collection<Class<?>> classes) {
        Set<Object> values = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Class<?> type : classes) {
            for (Field field : Reflect.staticFields(type)) {
                Object value = Reflect.read(field, null);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static void visit(Object value, ClassLoader dropped, ClassLoader base, Set<Object> seen, Deque<Object> pending) {
        if (value instanceof Object[] array) {
            for (Object element : array) {
                offer(element, dropped, seen, pending);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object entry : map.entrySet().toArray()) {
                offer(((Map.Entry<?, ?>) entry).getKey(), dropped, seen, pending);
                offer(((Map.Entry<?, ?>) entry).getValue(), dropped, seen, pending);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection.toArray()) {
                offer(element, dropped, seen, pending);
            }
        } else if (value.getClass().getClassLoader() != null) {
            for (Field field : Reflect.instanceFields(value.getClass())) {
                Object held = Reflect.read(field, value);
                if (held instanceof ClassLoader loader && Leftovers.within(loader, dropped)) {
                    set(field, value, base);
                } else {
                    offer(held, dropped, seen, pending);
                }
            }
        }
    }

    private static void offer(Object value, ClassLoader dropped, Set<Object> seen, Deque<Object> pending) {
        if (value == null || value instanceof Class<?> || value instanceof ClassLoader || value instanceof Thread
                || value instanceof String || Leftovers.within(value.getClass().getClassLoader(), dropped)) {
            return;
        }
        Class<?> type = value.getClass();
        boolean walked = type.getClassLoader() != null || value instanceof Object[] || value instanceof Map<?, ?>
                || value instanceof Collection<?>;
        if (walked && !(type.getClassLoader() instanceof RestartLoader) && seen.add(value)) {
            pending.add(value);
        }
    }

    private static void set(Field field, Object target, ClassLoader base) {
        if (Modifier.isStatic(field.getModifiers())) {
            return;
        }
        try {
            field.set(target, base);
        } catch (IllegalAccessException | RuntimeException e) {
            // A hidden class's or a record's final field: it keeps what it keeps.
        }
    }
}
