package dev.respawn.reloader.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ClassTrackerTest {

    private final List<ClassFileTransformer> registered = new CopyOnWriteArrayList<>();

    /** The JVM's side, as far as the tracker uses it: transformers and the classes already loaded. */
    private Instrumentation instrumentation() {
        return (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Instrumentation.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "addTransformer" -> registered.add((ClassFileTransformer) arguments[0]);
                    case "removeTransformer" -> registered.remove(arguments[0]);
                    case "getAllLoadedClasses" -> new Class<?>[] {ClassTrackerTest.class};
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theListenerIsMadeOnTheTrackersThreadAndHearsOfClassesLoadedBeforeIt() throws Exception {
        CompletableFuture<String> madeOn = new CompletableFuture<>();
        CompletableFuture<ClassOrigin> seen = new CompletableFuture<>();
        ClassTracker tracker = new ClassTracker(new SourceLocator(List.of()), () -> {
            madeOn.complete(Thread.currentThread().getName());
            return new TrackingListener() {
                @Override
                public void root(Path root, boolean directory) {
                }

                @Override
                public void loaded(ClassOrigin origin) {
                    if (origin.className().equals(ClassTrackerTest.class.getName())) {
                        seen.complete(origin);
                    }
                }
            };
        }, null);

        tracker.install(instrumentation());

        assertThat(madeOn.get(10, TimeUnit.SECONDS)).isEqualTo("respawn-tracker");
        assertThat(seen.get(10, TimeUnit.SECONDS).location())
                .endsWith(Path.of("dev/respawn/reloader/tracking/ClassTrackerTest.class"));
        assertThat(registered).containsExactly(tracker);
    }

    @Test
    void aListenerThatCannotBeMadeLeavesNoTransformerBehind() {
        ClassTracker tracker = new ClassTracker(new SourceLocator(List.of()), () -> {
            throw new IllegalStateException("no inotify instances left");
        }, null);

        tracker.install(instrumentation());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registered)
                .as("classes loaded from now on are not queued for nobody").isEmpty());
    }
}
