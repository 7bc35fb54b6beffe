package dev.respawn.reloader.tracking;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Tracks every class the application loads and where it came from, without changing a byte.
 *
 * <p>The transformer only notes the class's code source; reading the SourceFile attribute and
 * looking for the source file happen on a daemon thread, off the class-loading path. So do making
 * the listener and noting the classes loaded before the tracker: the application's {@code main}
 * does not wait for them.
 */
public final class ClassTracker implements ClassFileTransformer {

    private static final Root IGNORED = new Root(null, false);

    private final ConcurrentHashMap<String, Root> roots = new ConcurrentHashMap<>();
    /**
     * The paths told as roots: many code sources share one file (a Spring Boot executable jar's
     * {@code BOOT-INF/classes} and each of its {@code BOOT-INF/lib} jars are all {@code app.jar}).
     */
    private final Set<Path> told = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Loaded> queue = new LinkedBlockingQueue<>();
    private final SourceLocator sources;
    private final Supplier<? extends TrackingListener> makeListener;
    private TrackingListener listener;
    private final Path ownJar;
    private volatile Last last = new Last(null, IGNORED);

    /**
     * @param sources finds source files for classes from class folders
     * @param listener told about roots and classes, on the tracker's own thread
     * @param ownJar respawn's jar, never tracked (may be null)
     */
    public ClassTracker(SourceLocator sources, TrackingListener listener, Path ownJar) {
        this(sources, () -> listener, ownJar);
        if (listener == null) {
            throw new IllegalArgumentException("'listener' must not be null");
        }
    }

    /**
     * @param makeListener makes the listener, on the tracker's own thread, before it is first told anything
     */
    public ClassTracker(SourceLocator sources, Supplier<? extends TrackingListener> makeListener, Path ownJar) {
        if (sources == null || makeListener == null) {
            throw new IllegalArgumentException("'sources' and 'listener' must not be null");
        }
        this.sources = sources;
        this.makeListener = makeListener;
        this.ownJar = ownJar;
    }

    /**
     * Registers the tracker and starts its thread, which makes the listener, notes the classes
     * loaded before the tracker, and then reports.
     */
    public void install(Instrumentation instrumentation) {
        instrumentation.addTransformer(this, false);
        noteClassPath(System.getProperty("java.class.path", ""));
        Thread pump = new Thread(() -> {
            try {
                listener = makeListener.get();
            } catch (RuntimeException e) {
                instrumentation.removeTransformer(this);
                queue.clear();
                System.err.println("respawn: could not watch the application's classes (" + e.getMessage()
                        + "); it runs on without reloading");
                return;
            }
            noteLoaded(instrumentation);
            drain();
        }, "respawn-tracker");
        pump.setDaemon(true);
        pump.start();
    }

    /** Classes loaded before the tracker (some also since: noted twice, which listeners take). */
    private void noteLoaded(Instrumentation instrumentation) {
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (!loaded.isArray() && !loaded.isPrimitive() && !loaded.isHidden()) {
                note(loaded.getName().replace('.', '/'), loaded.getProtectionDomain(), null);
            }
        }
    }

    /**
     * The class path's folders and jars are tracked before any class loads from them, so that a
     * worker whose main class is missing still has its class folder watched.
     */
    private void noteClassPath(String classPath) {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            try {
                URL location = Path.of(entry).toUri().toURL();
                roots.computeIfAbsent(location.toExternalForm(), key -> newRoot(location));
            } catch (IOException | RuntimeException e) {
                // An entry that is no path is none of ours to watch.
            }
        }
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className != null && classBeingRedefined == null) {
            note(className, protectionDomain, classfileBuffer);
        }
        return null;
    }

    private void note(String internalName, ProtectionDomain domain, byte[] bytes) {
        if (domain == null) {
            return;
        }
        Last seen = last;
        Root root = domain == seen.domain ? seen.root : rootOf(domain);
        if (root.path == null) {
            return;
        }
        if (root.directory) {
            queue.add(new Loaded(internalName, root, bytes));
        }
    }

    private Root rootOf(ProtectionDomain domain) {
        Root root = IGNORED;
        CodeSource codeSource = domain.getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        if (location != null) {
            root = roots.computeIfAbsent(location.toExternalForm(), key -> newRoot(location));
        }
        last = new Last(domain, root);
        return root;
    }

    private Root newRoot(URL location) {
        Path path = toPath(location);
        if (path == null || path.equals(ownJar)) {
            return IGNORED;
        }
        boolean directory = Files.isDirectory(path);
        if (!directory && !Files.isRegularFile(path)) {
            return IGNORED;
        }
        Root root = new Root(path, directory);
        if (told.add(path)) {
            queue.add(new Loaded(null, root, null));
        }
        return root;
    }

    /**
     * The folder or jar file of a code source: {@code file:} URLs, and {@code jar:} URLs of a jar or of
     * an entry nested in one ({@code jar:nested:/a/app.jar/!BOOT-INF/classes/!/}, Spring Boot 3.2+'s
     * executable jars; {@code jar:file:/a/app.jar!/BOOT-INF/lib/x.jar!/} before): the file that changes
     * when the build packs the application again.
     */
    static Path toPath(URL location) {
        try {
            String protocol = location.getProtocol();
            if (protocol.equals("file")) {
                return Path.of(location.toURI()).toAbsolutePath().normalize();
            }
            if (protocol.equals("jar")) {
                return BuildOutput.jarOf(location);
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private void drain() {
        while (true) {
            Loaded loaded;
            try {
                loaded = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                report(loaded);
            } catch (RuntimeException e) {
                // A class we cannot describe is a class we do not track; the application goes on.
            }
        }
    }

    private void report(Loaded loaded) {
        Path root = loaded.root.path;
        if (loaded.internalName == null) {
            listener.root(root, loaded.root.directory);
            return;
        }
        Path classFile = root.resolve(loaded.internalName + ".class");
        byte[] bytes = loaded.bytes;
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(classFile);
            } catch (IOException e) {
                bytes = new byte[0];
            }
        }
        String sourceName = bytes.length == 0 ? null : SourceFileAttribute.read(bytes);
        Optional<Path> source = sources.locate(root, loaded.internalName, sourceName);
        listener.loaded(new ClassOrigin(loaded.internalName.replace('/', '.'), classFile, root, source));
    }

    private record Root(Path path, boolean directory) {
    }

    /** The most recent domain and its root: most classes in a row come from the same one. */
    private record Last(ProtectionDomain domain, Root root) {
    }

    private record Loaded(String internalName, Root root, byte[] bytes) {
    }
}
