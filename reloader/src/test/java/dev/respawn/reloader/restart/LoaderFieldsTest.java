package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LoaderFieldsTest {

    /** A library's object made once per JVM during a life, which took that life's loader. */
    static final class LoggingSystem {
        private final ClassLoader classLoader;

        LoggingSystem(ClassLoader classLoader) {
            this.classLoader = classLoader;
        }
    }

    static final class Hook {
        static final Set<Runnable> HANDLERS = new java.util.LinkedHashSet<>();
    }

    @Test
    void aLoaderFieldThatNamesTheDroppedLifeNamesTheJarsLoaderInstead() throws Exception {
        try (URLClassLoader dropped = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            LoggingSystem system = new LoggingSystem(dropped);
            LoggingSystem other = new LoggingSystem(ClassLoader.getPlatformClassLoader());
            Runnable handler = () -> system.toString();
            Hook.HANDLERS.add(handler);
            Hook.HANDLERS.add(() -> other.toString());

            LoaderFields.repoint(LoaderFields.staticValues(List.of(Hook.class)), dropped);

            assertThat(system.classLoader).isSameAs(dropped.getParent());
            assertThat(other.classLoader).isSameAs(ClassLoader.getPlatformClassLoader());
        } finally {
            Hook.HANDLERS.clear();
        }
    }
}
