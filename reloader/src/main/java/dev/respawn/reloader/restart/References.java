package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;

/**
 * Whether a cache's key or value belongs to a dropped life: one of its classes, a member or a
 * type of one, or a library object (a {@code ResolvableType}, say) that holds one a few fields down.
 */
final class References {

    private static final int DEPTH = 3;
    private static final int ARRAY_ELEMENTS = 32;

    private References() {
    }

    static boolean toDropped(Object value, ClassLoader dropped) {
        return to(value, dropped, DEPTH);
    }

    private static boolean to(Object value, ClassLoader dropped, int depth) {
        if (value == null) {
            return false;
        }
        if (value instanceof Class<?> type) {
            return Leftovers.within(type.getClassLoader(), dropped);
        }
        Class<?> type = value.getClass();
        if (Leftovers.within(type.getClassLoader(), dropped) || value == dropped) {
            return true;
        }
        if (value instanceof ClassLoader loader) {
            return Leftovers.within(loader, dropped);
        }
        if (value instanceof Member member) {
            return to(member.getDeclaringClass(), dropped, depth);
        }
        if (depth == 0 || value instanceof String || value instanceof Number || value instanceof Enum<?>) {
            return false;
        }
        if (value instanceof ParameterizedType parameterized) {
            return to(parameterized.getRawType(), dropped, depth - 1) || any(parameterized.getActualTypeArguments(), dropped, depth - 1);
        }
        if (value instanceof GenericArrayType array) {
            return to(array.getGenericComponentType(), dropped, depth - 1);
        }
        if (value instanceof WildcardType wildcard) {
            return any(wildcard.getUpperBounds(), dropped, depth - 1) || any(wildcard.getLowerBounds(), dropped, depth - 1);
        }
        if (value instanceof TypeVariable<?> variable) {
            return to(variable.getGenericDeclaration(), dropped, depth - 1);
        }
        if (value instanceof Object[] array) {
            return any(array, dropped, depth - 1);
        }
        if (type.getClassLoader() == null) {
            // The JDK's own objects beyond these hold nothing of an application's cache entries.
            return false;
        }
        for (Field field : Reflect.instanceFields(type)) {
            if (to(Reflect.read(field, value), dropped, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean any(Object[] values, ClassLoader dropped, int depth) {
        for (int i = 0; i < Math.min(values.length, ARRAY_ELEMENTS); i++) {
            if (to(values[i], dropped, depth)) {
                return true;
            }
        }
        return false;
    }
}
