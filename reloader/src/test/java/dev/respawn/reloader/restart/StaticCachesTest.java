package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

class StaticCachesTest {

    /** A library class's caches: one in a static field, one a field down. */
    static final class Library {
        static final Map<Object, Object> TYPES = new ConcurrentHashMap<>();
        static final Accessor ACCESSOR = new Accessor();
        static final Map<Object, Object> REGISTRY = new java.util.HashMap<>();
    }

    static final class Accessor {
        final Map<Object, Object> methods = new ConcurrentHashMap<>();
    }

    @Test
    void entriesThatHoldADroppedLifeGoTheRestStay() throws Exception {
        try (URLClassLoader dropped = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            Object application = Proxy.newProxyInstance(dropped, new Class<?>[] {Runnable.class}, (p, m, a) -> null);
            Library.TYPES.put(application.getClass(), "its type information");
            Library.TYPES.put(String.class, "a JDK class's");
            Library.TYPES.put("key", List.of());
            Library.ACCESSOR.methods.put(application.getClass(), new Object[] {application.getClass().getMethod("run")});
            Library.REGISTRY.put(application.getClass(), "not concurrent: left alone");

            StaticCaches caches = new StaticCaches();
            caches.add(List.of(Library.class));
            caches.clear(dropped);

            assertThat(Library.TYPES).containsOnlyKeys(String.class, "key");
            assertThat(Library.ACCESSOR.methods).isEmpty();
            assertThat(Library.REGISTRY).hasSize(1);
        } finally {
            Library.REGISTRY.clear();
        }
    }

    /** A lazy holder whose initialisation fails, as Netty's {@code NopInstanceHolder} without SLF4J's binding. */
    static final class FailingHolder {
        static final Object INSTANCE = missing();

        private static Object missing() {
            throw new NoClassDefFoundError("org/slf4j/helpers/NOPLogger");
        }
    }

    @Test
    void aClassThatFailsToInitialiseIsSkippedAndTheOthersArePurged() throws Exception {
        try (URLClassLoader dropped = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            Object application = Proxy.newProxyInstance(dropped, new Class<?>[] {Runnable.class}, (p, m, a) -> null);
            Library.TYPES.put(application.getClass(), "its type information");

            StaticCaches caches = new StaticCaches();
            caches.add(List.of(FailingHolder.class, Library.class));
            caches.clear(dropped);

            assertThat(Library.TYPES).doesNotContainKey(application.getClass());
        }
    }

    @Test
    void entriesKeyedByASpringEnvironmentGoSinceEachLifeHasItsOwn() throws Exception {
        try (URLClassLoader dropped = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            Library.TYPES.put(new org.springframework.core.env.StandardEnvironment(), "conditions of a life");
            Library.TYPES.put("kept", "a library's own");

            StaticCaches caches = new StaticCaches();
            caches.add(List.of(Library.class));
            caches.clear(dropped);

            assertThat(Library.TYPES).containsOnlyKeys("kept");
        } finally {
            Library.TYPES.clear();
        }
    }
}
