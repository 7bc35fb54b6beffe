package dev.respawn.agent.exceptions;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.respawn.reloader.tracking.BuildOutput;

/**
 * What counts as application code: by default the classes loaded from a directory (the
 * project's own build output), and those a jar in the project's build output holds of the classes
 * the build compiled ({@link BuildOutput}: Quarkus's {@code app/*.jar}, Spring Boot's
 * {@code BOOT-INF/classes}); or those in {@code --app-packages}; never the JDK's, a library jar's
 * under the default, or respawn's own. It also remembers which classes it let through, so that
 * a stack frame can be told to be application code without looking at its class again.
 */
final class AppClasses {

    /** respawn's own packages, which are never the application's, wherever they load from. */
    private static final List<String> RESPAWN = List.of("dev.respawn.agent.", "dev.respawn.cli.",
            "dev.respawn.debugger.", "dev.respawn.reloader.", "dev.respawn.coverage.", "dev.respawn.recorder.",
            "dev.respawn.shaded.");

    private static final Path NO_JAR = Path.of("");

    private final List<String> packages;
    private final Path ownJar;
    private final Map<String, Boolean> directories = new ConcurrentHashMap<>();
    /** The jar of each code source in a build's output, or {@link #NO_JAR}. */
    private final Map<String, Path> jars = new ConcurrentHashMap<>();
    private final BuildOutput builds = BuildOutput.worker();
    private final Map<ClassLoader, Boolean> seeRecorder = Collections.synchronizedMap(new WeakHashMap<>());
    private final Set<String> instrumented = ConcurrentHashMap.newKeySet();
    /** Bridge methods of application classes: not instrumented, so never an application frame. */
    private final Set<String> bridges = ConcurrentHashMap.newKeySet();

    /**
     * @param packages {@code --app-packages}; empty for "what the build compiled"
     * @param ownJar respawn.jar (may be null)
     */
    AppClasses(List<String> packages, Path ownJar) {
        this.packages = packages.stream().map(p -> p.endsWith(".") ? p : p + ".").toList();
        this.ownJar = ownJar;
    }

    /**
     * Whether a class about to load is the application's, decided without parsing its class file
     * (whether it is an interface is the class file's to say, see {@link ExitHandlers}).
     *
     * @param className the binary name, {@code com.example.Shop$Order}
     */
    boolean matches(String className, ClassLoader loader, ProtectionDomain domain) {
        // Cheapest first: the loader and the name.
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || isRespawn(className)
                || isGeneratedProxy(className)) {
            return false;
        }
        boolean application = packages.isEmpty() ? fromDirectory(domain) || compiledInJar(className, domain)
                : inPackages(className);
        return application && recorderVisibleFrom(loader);
    }

    /**
     * Called once a class has been instrumented.
     *
     * @param bridges its bridge methods, {@code class.name(descriptor)return}
     */
    void instrumented(String className, List<String> bridges) {
        instrumented.add(className);
        this.bridges.addAll(bridges);
    }

    /**
     * True for a frame of an instrumented application method: one an exception's report will
     * pass through again, further up. Constructors and static initialisers are not instrumented
     * (advice cannot catch what a constructor throws), nor are bridge and {@code $}-methods.
     */
    boolean isApplicationFrame(StackWalker.StackFrame frame) {
        String method = frame.getMethodName();
        return instrumented.contains(frame.getClassName()) && !method.startsWith("<") && !method.startsWith("$")
                && !bridges.contains(frame.getClassName() + '.' + method + frame.getDescriptor());
    }

    /**
     * A proxy a library generates at run time beside an application class, in its loader and
     * protection domain (Spring's CGLIB proxies, {@code Shop$$SpringCGLIB$$0}; Hibernate's and
     * Byte Buddy's): not code anyone wrote, and in a report a frame of it would show only the
     * library's callbacks between the caller and the method that threw. Javac names no class with
     * {@code $$}.
     */
    static boolean isGeneratedProxy(String className) {
        return className.contains("$$") || className.contains("$HibernateProxy$") || className.contains("$ByteBuddy$");
    }

    private boolean inPackages(String name) {
        for (String prefix : packages) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class comes from a class folder (whose classes a restart inside the JVM loads again). */
    boolean fromDirectory(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return false;
        }
        return directories.computeIfAbsent(location.toExternalForm(), key -> {
            try {
                Path path = Path.of(location.toURI());
                return Files.isDirectory(path) && !path.equals(ownJar);
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Whether the class comes from a jar of the project's build output, and the build compiled it. */
    private boolean compiledInJar(String className, ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null) {
            return false;
        }
        Path jar = jars.computeIfAbsent(location.toExternalForm(), key -> {
            Path path = BuildOutput.jarOf(location);
            return path == null || path.equals(ownJar) || builds.classFolders(path).isEmpty() ? NO_JAR : path;
        });
        return jar != NO_JAR && builds.compiled(jar, className.replace('.', '/'));
    }

    /**
     * The advice calls {@link ExceptionRecorder}; a class loader that does not delegate to the
     * system class loader (some plugin systems) could not link it, so its classes are left alone.
     */
    private boolean recorderVisibleFrom(ClassLoader loader) {
        Boolean visible = seeRecorder.get(loader);
        if (visible == null) {
            try {
                visible = Class.forName(ExceptionRecorder.class.getName(), false, loader) == ExceptionRecorder.class;
            } catch (Throwable t) {
                visible = false;
            }
            seeRecorder.put(loader, visible);
        }
        return visible;
    }

    static boolean isRespawn(String name) {
        for (String prefix : RESPAWN) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
