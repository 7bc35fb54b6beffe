package dev.respawn.reloader.defaults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Shows {@link SpringDevDefaults} to Spring Boot only where it can link: when the system class loader
 * (which loads respawn.jar) sees Spring Boot, a small jar holding respawn's {@code META-INF/spring.factories}
 * joins the class path; when it sees only Spring Boot's launcher (an executable jar, {@code java -jar app.jar},
 * Spring Boot in {@code BOOT-INF/lib}), {@link LaunchedLoaderDefaults} gives the launcher's loader a copy
 * of its own. respawn.jar holds no factories file, because that loader would find it through its parent,
 * fail to link the post-processor against a Spring Boot the system class loader cannot see, and the
 * application would not start.
 */
public final class SpringDefaultsJar {

    private static final String FACTORIES = "META-INF/spring.factories";
    private static final String OURS = "dev/respawn/reloader/defaults/spring.factories";
    private static final String SPRING_BOOT = "org/springframework/boot/env/EnvironmentPostProcessor.class";

    private SpringDefaultsJar() {
    }

    /**
     * Adds the jar when Spring Boot is on the system class path, or waits for the launcher's loader of an
     * executable jar; says in one line when it cannot.
     */
    public static void installIfSpringBoot(Instrumentation instrumentation) {
        if (ClassLoader.getSystemClassLoader().getResource(SPRING_BOOT) == null) {
            if (LaunchedLoaderDefaults.launcherOnClassPath()) {
                try {
                    LaunchedLoaderDefaults.install(instrumentation, DefaultsResources.folder());
                } catch (IOException | RuntimeException e) {
                    System.err.println("respawn: Spring Boot's development defaults are off (" + e + ")");
                }
            }
            return;
        }
        try {
            Path jar = Files.createTempFile("respawn-spring-", ".jar"); // owner-only, as createTempFile makes it
            jar.toFile().deleteOnExit();
            write(jar);
            instrumentation.appendToSystemClassLoaderSearch(new JarFile(jar.toFile()));
        } catch (IOException | RuntimeException e) {
            System.err.println("respawn: Spring Boot's development defaults are off (" + e + ")");
        }
    }

    private static void write(Path jar) throws IOException {
        try (InputStream factories = SpringDefaultsJar.class.getClassLoader().getResourceAsStream(OURS);
                OutputStream out = Files.newOutputStream(jar);
                JarOutputStream entries = new JarOutputStream(out)) {
            if (factories == null) {
                throw new IOException(OURS + " is missing from respawn.jar");
            }
            entries.putNextEntry(new JarEntry(FACTORIES));
            factories.transferTo(entries);
            entries.closeEntry();
        }
    }
}
