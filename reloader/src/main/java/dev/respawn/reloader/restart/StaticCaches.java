package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * The caches that libraries keep in static fields for the life of the JVM (Spring Data's type
 * information, SpEL's reflective accessors, Spring's {@code ConcurrentLruCache}s), purged of what a
 * dropped life put there: its classes would otherwise stay in memory as keys or values, and so
 * would entries keyed by an object made once per application context ({@link LifeScoped}). Only
 * concurrent caches are touched, since the next life is already running and using them.
 */
final class StaticCaches {

    /** Static fields of the jars' classes used so far by any life, each looked into once. */
    private final List<Field> holders = new ArrayList<>();

    /** Notes the static fields of classes a life used first. */
    synchronized void add(Collection<Class<?>> firstUsed) {
        for (Class<?> type : firstUsed) {
            for (Field field : Reflect.staticFields(type)) {
                if (!field.getType().isEnum() && field.getType() != Class.class && !field.getType().isArray()) {
                    holders.add(field);
                }
            }
        }
    }

    /** Removes the dropped life's entries from the caches held in those fields, or one field down. */
    synchronized void clear(ClassLoader dropped) {
        for (Field holder : holders) {
            Object value = Reflect.read(holder, null);
            if (value != null && !Leftovers.within(value.getClass().getClassLoader(), dropped)) {
                purge(value, dropped);
            }
        }
    }

    /** Purges {@code value} when it is a cache, else the caches in its final fields. */
    private static void purge(Object value, ClassLoader dropped) {
        if (purgeCache(value, dropped) || value.getClass().getClassLoader() == null) {
            return;
        }
        for (Field field : Reflect.instanceFields(value.getClass())) {
            if (!Modifier.isFinal(field.getModifiers())) {
                continue;
            }
            Object inner = Reflect.read(field, value);
            if (inner != null) {
                purgeCache(inner, dropped);
            }
        }
    }

    private static boolean purgeCache(Object value, ClassLoader dropped) {
        if (value instanceof ConcurrentMap<?, ?> map) {
            purgeMap(map, dropped);
            return true;
        }
        Method clear = clearMethod(value);
        if (clear == null) {
            return false;
        }
        // A cache without a way to remove entries by condition (Spring's ConcurrentLruCache):
        // emptied when its map holds something of the dropped life.
        for (Field field : Reflect.instanceFields(value.getClass())) {
            if (Reflect.read(field, value) instanceof ConcurrentMap<?, ?> map
                    && map.entrySet().stream().anyMatch(entry -> References.toDropped(entry.getKey(), dropped)
                            || References.toDropped(entry.getValue(), dropped))) {
                try {
                    clear.invoke(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // It keeps what it keeps.
                }
                break;
            }
        }
        return true;
    }

    private static void purgeMap(ConcurrentMap<?, ?> map, ClassLoader dropped) {
        try {
            map.entrySet().removeIf(entry -> LifeScoped.is(entry.getKey()) || References.toDropped(entry.getKey(), dropped)
                    || References.toDropped(entry.getValue(), dropped));
        } catch (RuntimeException e) {
            // A map that refuses removal (an unmodifiable view) is no cache.
        }
    }

    /** The public {@code clear()} of a class named as a cache, when it has one. */
    private static Method clearMethod(Object value) {
        Class<?> type = value.getClass();
        if (type.getClassLoader() == null || !type.getSimpleName().endsWith("Cache")) {
            return null;
        }
        try {
            Method clear = type.getMethod("clear");
            return clear.trySetAccessible() ? clear : null;
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }
}
