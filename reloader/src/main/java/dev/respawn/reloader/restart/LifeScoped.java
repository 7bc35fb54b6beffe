package dev.respawn.reloader.restart;

import java.util.Set;

/**
 * Objects that exist once per application context, so once per life: a static cache keyed by one
 * (Spring Boot's endpoint conditions cache by {@code Environment}) holds a life by a key no
 * other life will ever look up, and softly, so a full GC without memory pressure keeps it.
 */
final class LifeScoped {

    private static final Set<String> TYPES = Set.of(
            "org.springframework.core.env.Environment",
            "org.springframework.context.ApplicationContext",
            "org.springframework.beans.factory.BeanFactory");

    private static final ClassValue<Boolean> SCOPED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return implementsOne(type);
        }
    };

    private LifeScoped() {
    }

    static boolean is(Object value) {
        return value != null && SCOPED.get(value.getClass());
    }

    private static boolean implementsOne(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (TYPES.contains(c.getName())) {
                return true;
            }
            for (Class<?> face : c.getInterfaces()) {
                if (implementsOne(face)) {
                    return true;
                }
            }
        }
        return false;
    }
}
