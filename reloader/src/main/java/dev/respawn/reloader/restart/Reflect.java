package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** The fields respawn may read of a class and its superclasses, made accessible once per class. */
final class Reflect {

    private static final ClassValue<List<Field>> INSTANCE_FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return fields(type, false);
        }
    };

    private Reflect() {
    }

    /** The object fields (no primitives) of {@code type} and its superclasses that can be read. */
    static List<Field> instanceFields(Class<?> type) {
        return INSTANCE_FIELDS.get(type);
    }

    /** The static object fields {@code type} itself declares that can be read. */
    static List<Field> staticFields(Class<?> type) {
        return fields(type, true);
    }

    /**
     * The field's value, or null if it cannot be read. Reading a static field initialises its class
     * first, and a library's lazy holder may fail to (Netty's {@code Slf4JLoggerFactory$NopInstanceHolder}
     * without SLF4J's binding): such a class has nothing to read.
     */
    static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static List<Field> fields(Class<?> type, boolean statics) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = statics ? null : c.getSuperclass()) {
            try {
                for (Field field : c.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) == statics && !field.getType().isPrimitive()
                            && field.getType() != String.class && field.trySetAccessible()) {
                        fields.add(field);
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                // A class whose fields cannot be resolved keeps what it keeps.
            }
        }
        return fields;
    }
}
