package dev.respawn.reloader.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void classesOfASpringBootExecutableJarAreTrackedToTheJarItself(@TempDir Path temp) throws Exception {
        Path jar = Files.write(Files.createDirectories(temp.resolve("my app/target")).resolve("app.jar"), new byte[] {0});
        List<String> heard = new CopyOnWriteArrayList<>();
        ClassTracker tracker = new ClassTracker(new SourceLocator(List.of()), new TrackingListener() {
            @Override
            public void root(Path root, boolean directory) {
                heard.add((directory ? "folder " : "jar ") + root);
            }

            @Override
            public void loaded(ClassOrigin origin) {
                heard.add("class " + origin.className());
            }
        }, null);
        tracker.install(instrumentation());
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("class " + ClassTrackerTest.class.getName()));
        heard.clear();

        // As Spring Boot 3.2+'s loader names them (its own URL handler; the JDK's refuses nested:).
        String nested = "jar:nested:" + jar.toUri().getRawPath() + "/!BOOT-INF/";
        tracker.transform(null, "com/example/App", null, domain(nested + "classes/!/"), new byte[0]);
        tracker.transform(null, "org/example/Lib", null, domain(nested + "lib/lib-1.0.jar!/"), new byte[0]);
        tracker.transform(null, "org/example/Other", null, domain(nested + "lib/other-1.0.jar!/"), new byte[0]);
        await().atMost(Duration.ofSeconds(10)).alias("a root for the nested URLs").until(() -> !heard.isEmpty());
        // Spring Boot before 3.2: the same jar, already told.
        tracker.transform(null, "com/example/Old", null, domain("jar:" + jar.toUri() + "!/BOOT-INF/classes!/"), new byte[0]);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10)).until(() -> heard.size() == 1);
        assertThat(heard).as("the jar, once, and no class of it as if from a folder").containsExactly("jar " + jar);
    }

    private static ProtectionDomain domain(String location) throws Exception {
        URL url = new URL(null, location, new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL u) {
                throw new UnsupportedOperationException();
            }
        });
        return new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null);
    }
}
