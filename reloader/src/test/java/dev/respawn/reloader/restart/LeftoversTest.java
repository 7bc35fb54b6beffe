package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

class LeftoversTest {

    @Test
    void aKeptExceptionKeepsItsStackTraceTextButNoClasses() throws Exception {
        IllegalStateException kept = new IllegalStateException("made in advance", new RuntimeException("cause"));
        String before = java.util.Arrays.toString(kept.getStackTrace());

        StackTraces.detach(kept);

        assertThat(java.util.Arrays.toString(kept.getStackTrace())).isEqualTo(before);
        assertThat(kept.getCause().getStackTrace()).isNotEmpty();
        java.lang.reflect.Field backtrace = Throwable.class.getDeclaredField("backtrace");
        backtrace.setAccessible(true);
        assertThat(backtrace.get(kept)).as("the frames' classes").isNull();
        assertThat(backtrace.get(kept.getCause())).isNull();
    }

    @Test
    void aThreadLocalValueOfTheDroppedLoaderIsForgottenOthersStay() throws Exception {
        try (URLClassLoader dropped = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            ThreadLocal<Object> ofTheApplication = new ThreadLocal<>();
            ThreadLocal<Object> ofALibrary = new ThreadLocal<>();
            Object applicationObject = java.lang.reflect.Proxy.newProxyInstance(dropped, new Class<?>[] {Runnable.class},
                    (proxy, method, args) -> null);
            Thread thread = Thread.currentThread();
            ofTheApplication.set(applicationObject);
            ofALibrary.set("stays");
            ClassLoader context = thread.getContextClassLoader();
            try {
                thread.setContextClassLoader(dropped);
                ThreadState.clear(thread, dropped);
                ThreadLocals.clear(thread, dropped);
                assertThat(thread.getContextClassLoader()).isSameAs(dropped.getParent());
                assertThat(ofTheApplication.get()).isNull();
                assertThat(ofALibrary.get()).isEqualTo("stays");
            } finally {
                thread.setContextClassLoader(context);
                ofALibrary.remove();
            }
        }
    }
}
