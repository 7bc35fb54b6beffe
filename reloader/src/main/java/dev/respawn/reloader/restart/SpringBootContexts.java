package dev.respawn.reloader.restart;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Boot's shutdown hook can run once per JVM (it refuses new contexts after), and is
 * registered once per JVM. So it stays registered for the JVM's real exit, and an in-JVM restart
 * closes the application contexts it holds instead, as the hook itself would.
 */
final class SpringBootContexts {

    static final String HOOK_NAME = "SpringApplicationShutdownHook";

    private SpringBootContexts() {
    }

    static boolean isHook(Thread hook) {
        return hook.getName().equals(HOOK_NAME);
    }

    /** Closes the contexts Spring Boot's hook would close, when that hook is registered. */
    static Optional<String> close(Set<Thread> registeredHooks, ClassLoader base) {
        if (registeredHooks.stream().noneMatch(SpringBootContexts::isHook)) {
            return Optional.empty();
        }
        try {
            Class<?> application = Class.forName("org.springframework.boot.SpringApplication", false, base);
            Object hook = read(application, "shutdownHook", null);
            List<Object> contexts;
            synchronized (hook.getClass()) {
                contexts = new ArrayList<>((Collection<?>) read(hook.getClass(), "contexts", hook));
            }
            Method close = Class.forName("org.springframework.context.ConfigurableApplicationContext", false, base)
                    .getMethod("close");
            for (Object context : contexts) {
                close.invoke(context);
            }
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of("closing Spring's application context failed: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.of("Spring Boot's application contexts cannot be closed from outside (" + e
                    + "); this Spring Boot version is not one respawn knows");
        }
    }

    private static Object read(Class<?> type, String name, Object target) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
