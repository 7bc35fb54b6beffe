package dev.respawn.recorder.helidon;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls Helidon's public interface methods by name. The recorder is built for Java 17 and Helidon
 * 4's classes are Java 21's, so they cannot be compiled against; each method is looked up once
 * per class, on the public type that declares it.
 */
final class Calls {

    private static final ClassValue<Map<String, Method>> METHODS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private Calls() {
    }

    static Object call(Object target, String name, Object... arguments) throws ReflectiveOperationException {
        Map<String, Method> methods = METHODS.get(target.getClass());
        Method method = methods.get(name);
        if (method == null) {
            method = find(target.getClass(), name, arguments.length);
            if (method == null) {
                throw new NoSuchMethodException(target.getClass().getName() + "." + name);
            }
            methods.put(name, method);
        }
        return method.invoke(target, arguments);
    }

    /** A public method of a public class or interface of {@code type}'s, so that it may be invoked from here. */
    private static Method find(Class<?> type, String name, int parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (Modifier.isPublic(c.getModifiers())) {
                for (Method method : c.getMethods()) {
                    if (method.getName().equals(name) && method.getParameterCount() == parameters
                            && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                        return method;
                    }
                }
            }
            for (Class<?> implemented : c.getInterfaces()) {
                Method found = find(implemented, name, parameters);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
