package dev.respawn.agent.exceptions;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Renders a value for a report without running the application's code: no {@code toString()},
 * {@code hashCode()} or iterator of an application class is ever called. Strings, numbers,
 * booleans, characters, enums and a few final JDK value types are written as they are; JDK
 * arrays, collections and maps are summarised (size and first elements); any other object is
 * {@code SimpleName@identity} with its fields read by reflection, to a bounded depth. Every
 * result is bounded in length, and a value that cannot be read says so instead of failing.
 */
final class ValueRenderer {

    static final int MAX_STRING = 200;
    static final int MAX_ELEMENTS = 10;
    static final int MAX_FIELDS = 16;
    static final int MAX_LENGTH = 1000;

    private static final Set<Class<?>> PLAIN = Set.of(Boolean.class, Byte.class, Short.class, Integer.class,
            Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class, UUID.class);

    private final int maxDepth;
    private final SecretNames secrets;

    /** @param maxDepth how many levels of fields to follow into objects (0: none) */
    ValueRenderer(int maxDepth) {
        this(maxDepth, SecretNames.NONE);
    }

    /**
     * @param maxDepth how many levels of fields to follow into objects (0: none)
     * @param secrets the names of fields and map keys whose values are written as {@value SecretNames#REDACTED}
     */
    ValueRenderer(int maxDepth, SecretNames secrets) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("'maxDepth' must be 0 or more, not " + maxDepth);
        }
        if (secrets == null) {
            throw new IllegalArgumentException("'secrets' must not be null");
        }
        this.maxDepth = maxDepth;
        this.secrets = secrets;
    }

    String render(Object value) {
        StringBuilder out = new StringBuilder();
        try {
            append(out, value, 0, new IdentityHashMap<>());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            out.append("<unreadable: ").append(e.getClass().getSimpleName()).append('>');
        }
        return bounded(out);
    }

    /** The fields of {@code value}, each rendered one level deep less than the value itself would be. */
    List<Map.Entry<String, String>> fields(Object value) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (value == null) {
            return fields;
        }
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        seen.put(value, Boolean.TRUE);
        for (Field field : instanceFields(value.getClass())) {
            StringBuilder out = new StringBuilder();
            try {
                appendNamed(out, field.getName(), read(field, value), 1, seen);
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                out.append("<unreadable: ").append(e.getClass().getSimpleName()).append('>');
            }
            fields.add(Map.entry(field.getName(), bounded(out)));
        }
        return fields;
    }

    static String identity(Object value) {
        return value.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(value));
    }

    private void append(StringBuilder out, Object value, int depth, IdentityHashMap<Object, Boolean> seen) {
        if (out.length() > MAX_LENGTH) {
            return;
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof Unreadable unreadable) {
            out.append("<unreadable: ").append(unreadable.reason()).append('>');
        } else if (value instanceof String text) {
            quoted(out, text, '"');
        } else if (value instanceof Character c) {
            quoted(out, c.toString(), '\'');
        } else if (PLAIN.contains(value.getClass())) {
            out.append(value);
        } else if (value instanceof Enum<?> constant) {
            out.append(constant.getDeclaringClass().getSimpleName()).append('.').append(constant.name());
        } else if (value instanceof Class<?> type) {
            out.append("class ").append(type.getName());
        } else if (isJdk(value.getClass()) && isJdkValue(value)) {
            out.append(value);
        } else if (value.getClass().isArray()) {
            array(out, value, depth, seen);
        } else if (isJdk(value.getClass()) && value instanceof Collection<?> collection) {
            elements(out, value, collection.size(), collection.iterator(), '[', ']', depth, seen);
        } else if (isJdk(value.getClass()) && value instanceof Map<?, ?> map) {
            elements(out, value, map.size(), map.entrySet().iterator(), '{', '}', depth, seen);
        } else if (value instanceof Optional<?> optional) {
            out.append("Optional[");
            append(out, optional.orElse(null), depth + 1, seen);
            out.append(']');
        } else {
            object(out, value, depth, seen);
        }
    }

    private void array(StringBuilder out, Object array, int depth, IdentityHashMap<Object, Boolean> seen) {
        int length = Array.getLength(array);
        out.append(array.getClass().getComponentType().getSimpleName()).append('[').append(length).append("] {");
        for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
            out.append(i == 0 ? "" : ", ");
            element(out, Array.get(array, i), depth, seen);
        }
        out.append(length > MAX_ELEMENTS ? ", ...}" : "}");
    }

    private void elements(StringBuilder out, Object container, int size, Iterator<?> iterator, char open, char close,
            int depth, IdentityHashMap<Object, Boolean> seen) {
        out.append(container.getClass().getSimpleName()).append('(').append(size).append(") ").append(open);
        for (int i = 0; i < MAX_ELEMENTS && iterator.hasNext(); i++) {
            out.append(i == 0 ? "" : ", ");
            Object next = iterator.next();
            if (next instanceof Map.Entry<?, ?> entry) {
                element(out, entry.getKey(), depth, seen);
                out.append('=');
                if (entry.getKey() instanceof String key && secrets.secret(key) && entry.getValue() != null) {
                    out.append(SecretNames.REDACTED);
                } else {
                    element(out, entry.getValue(), depth, seen);
                }
            } else {
                element(out, next, depth, seen);
            }
        }
        out.append(size > MAX_ELEMENTS ? ", ..." : "").append(close);
    }

    /** An element inside an array or collection: values in full, objects by identity only below the top. */
    private void element(StringBuilder out, Object value, int depth, IdentityHashMap<Object, Boolean> seen) {
        append(out, value, depth + 1, seen);
    }

    private void object(StringBuilder out, Object value, int depth, IdentityHashMap<Object, Boolean> seen) {
        out.append(identity(value));
        Class<?> type = value.getClass();
        // A lambda's fields are what it captured, named arg$1...: noise more than context.
        if (depth >= maxDepth || isJdk(type) || type.isHidden() || type.isSynthetic() || seen.containsKey(value)) {
            return;
        }
        seen.put(value, Boolean.TRUE);
        List<Field> fields = instanceFields(value.getClass());
        out.append(" {");
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            out.append(i == 0 ? "" : ", ").append(field.getName()).append('=');
            appendNamed(out, field.getName(), read(field, value), depth + 1, seen);
        }
        out.append('}');
        seen.remove(value);
    }

    /** A field's value, unless its name says it is a secret. */
    private void appendNamed(StringBuilder out, String name, Object value, int depth,
            IdentityHashMap<Object, Boolean> seen) {
        if (value != null && secrets.secret(name)) {
            out.append(SecretNames.REDACTED);
        } else {
            append(out, value, depth, seen);
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Unreadable(e.getClass().getSimpleName());
        }
    }

    /** A field reflection could not read (a module that does not open its package, say). */
    private record Unreadable(String reason) {
    }

    /** Fields of the class and its superclasses, most derived first, never static or synthetic. */
    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class && !isJdk(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic() && fields.size() < MAX_FIELDS) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** A class of the JDK's own modules: its fields are its business, and often closed to reflection. */
    static boolean isJdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null || loader == ClassLoader.getPlatformClassLoader();
    }

    /** JDK values whose {@code toString()} is the JDK's own, final, and about the value itself. */
    private static boolean isJdkValue(Object value) {
        String name = value.getClass().getName();
        return name.startsWith("java.time.") || value instanceof java.net.URI || value instanceof java.io.File
                || value instanceof java.nio.file.Path || value instanceof java.util.Locale
                || value instanceof java.util.concurrent.atomic.AtomicInteger
                || value instanceof java.util.concurrent.atomic.AtomicLong
                || value instanceof java.util.concurrent.atomic.AtomicBoolean;
    }

    private static void quoted(StringBuilder out, String text, char quote) {
        out.append(quote);
        int end = Math.min(text.length(), MAX_STRING);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c < 0x20 ? '?' : c);
                }
            }
        }
        out.append(quote);
        if (text.length() > MAX_STRING) {
            out.append("...(").append(text.length()).append(" chars)");
        }
    }

    private static String bounded(StringBuilder out) {
        return out.length() <= MAX_LENGTH ? out.toString() : out.substring(0, MAX_LENGTH) + "...";
    }
}
