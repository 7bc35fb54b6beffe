package dev.respawn.reloader.defaults;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives a Spring Boot executable jar ({@code java -jar app.jar}: Spring Boot in {@code BOOT-INF/lib},
 * loaded by the launcher's own class loader) respawn's development defaults: the first time that loader
 * defines a class (the application's main class, before {@code SpringApplication} reads its factories),
 * {@link DefaultsResources} joins the end of its search, where only it and no other loader finds them.
 * Changes no class's bytes.
 */
final class LaunchedLoaderDefaults implements ClassFileTransformer {

    /** Spring Boot's launched class loaders: 3.2 and later, and before. */
    static final Set<String> LOADERS = Set.of("org.springframework.boot.loader.launch.LaunchedClassLoader",
            "org.springframework.boot.loader.LaunchedURLClassLoader");

    private final Instrumentation instrumentation;
    private final URL defaults;
    private final AtomicBoolean added = new AtomicBoolean();

    private LaunchedLoaderDefaults(Instrumentation instrumentation, URL defaults) {
        this.instrumentation = instrumentation;
        this.defaults = defaults;
    }

    /** Whether the JVM runs Spring Boot's launcher: its loader classes are on the system class path. */
    static boolean launcherOnClassPath() {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        return LOADERS.stream().anyMatch(name -> system.getResource(name.replace('.', '/') + ".class") != null);
    }

    /** Waits for Spring Boot's loader; {@code defaults} is the folder to add to it. */
    static void install(Instrumentation instrumentation, URL defaults) {
        instrumentation.addTransformer(new LaunchedLoaderDefaults(instrumentation, defaults), false);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (loader == null || classBeingRedefined != null || loader == ClassLoader.getSystemClassLoader()
                || !(loader instanceof URLClassLoader launched) || !isLaunched(loader.getClass())
                || !added.compareAndSet(false, true)) {
            return null;
        }
        instrumentation.removeTransformer(this);
        try {
            addUrl(launched);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("respawn: Spring Boot's development defaults are off (" + e + ")");
        }
        return null;
    }

    private static boolean isLaunched(Class<?> type) {
        for (Class<?> each = type; each != null; each = each.getSuperclass()) {
            if (LOADERS.contains(each.getName())) {
                return true;
            }
        }
        return false;
    }

    /** {@code URLClassLoader.addURL} is protected: java.net is opened to respawn's module for the call. */
    private void addUrl(URLClassLoader loader) throws ReflectiveOperationException {
        Module javaNet = URLClassLoader.class.getModule();
        Module respawn = LaunchedLoaderDefaults.class.getModule();
        if (!javaNet.isOpen("java.net", respawn)) {
            instrumentation.redefineModule(javaNet, Set.of(), Map.of(), Map.of("java.net", Set.of(respawn)), Set.of(),
                    Map.of());
        }
        Method addUrl = URLClassLoader.class.getDeclaredMethod("addURL", URL.class);
        addUrl.setAccessible(true);
        addUrl.invoke(loader, defaults);
    }
}
