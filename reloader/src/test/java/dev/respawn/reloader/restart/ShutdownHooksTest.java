package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ShutdownHooksTest {

    private final ClassLoader someLife = new ClassLoader(ClassLoader.getSystemClassLoader()) {
    };

    /** Like Jetty's ShutdownThread: a library's Thread subclass, registered again by the library later. */
    static final class LibraryHook extends Thread {

        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void run() {
            runs.incrementAndGet();
        }
    }

    @Test
    void runsALibrarysHookButNotTheJdks() {
        assertThat(ShutdownHooks.stopsTheLife(new LibraryHook(), someLife)).isTrue();
        assertThat(ShutdownHooks.stopsTheLife(new Thread(() -> { }), someLife)).as("a lambda of a jar's class").isTrue();
        assertThat(ShutdownHooks.stopsTheLife(new Thread(), someLife)).as("no task: the JDK's Thread").isFalse();
    }

    @Test
    void runsAHookSoThatItsLibraryCanRegisterItAgain() {
        LibraryHook hook = new LibraryHook();
        Runtime.getRuntime().addShutdownHook(hook);

        assertThat(ShutdownHooks.run(Set.of(hook), System.nanoTime() + Duration.ofSeconds(10).toNanos())).isEmpty();

        assertThat(hook.runs).hasValue(1);
        assertThat(ShutdownHooks.registered()).doesNotContain(hook);
        Runtime.getRuntime().addShutdownHook(hook);
        assertThat(Runtime.getRuntime().removeShutdownHook(hook)).as("registered again, never started").isTrue();
    }
}
