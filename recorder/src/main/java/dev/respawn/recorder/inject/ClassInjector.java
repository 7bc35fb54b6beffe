package dev.respawn.recorder.inject;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

/**
 * Defines a server seam's classes, compiled against the server's API, inside the class loader
 * that holds that API, under a package name respawn.jar does not contain.
 *
 * <p>Why renamed: respawn.jar is on the system class path. A loader that asks its parent first
 * would find the original names there, in a loader that cannot see the server's API, and fail to
 * link them. Under a package of their own they are found only where they are defined, and still
 * see the recorder's classes (which name no server type) through the loader's parents.
 */
public final class ClassInjector {

    private static volatile Method defineClass;

    private final String source;
    private final String target;
    private final List<String> classes;
    private final Map<String, String> renamed;

    /**
     * @param source the package the classes are compiled in, e.g. {@code dev/respawn/recorder/netty/handler/}
     * @param target the package they are defined in
     * @param classes their simple names
     */
    public ClassInjector(String source, String target, List<String> classes) {
        this(source, target, classes, Map.of());
    }

    /**
     * @param renamed other internal package prefixes the classes name, and what to name them instead
     *     (e.g. {@code jakarta/servlet/} to {@code javax/servlet/} for a javax server)
     */
    public ClassInjector(String source, String target, List<String> classes, Map<String, String> renamed) {
        if (!source.endsWith("/") || !target.endsWith("/") || classes.isEmpty()) {
            throw new IllegalArgumentException("'source' and 'target' must be internal package names ending in /, "
                    + "'classes' must not be empty");
        }
        this.source = source;
        this.target = target;
        this.classes = List.copyOf(classes);
        this.renamed = Map.copyOf(renamed);
    }

    /** Lets the recorder define classes in other loaders: opens java.lang to it, as only an agent can. */
    public static void openClassLoader(Instrumentation instrumentation) {
        Module base = ClassLoader.class.getModule();
        Module recorder = ClassInjector.class.getModule();
        if (!base.isOpen("java.lang", recorder)) {
            instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(recorder)),
                    Set.of(), Map.of());
        }
    }

    /**
     * The class {@code simpleName} as defined in {@code loader}, defining all the classes there
     * first if they are not yet.
     */
    public synchronized Class<?> load(ClassLoader loader, String simpleName) {
        String wanted = (target + simpleName).replace('/', '.');
        try {
            try {
                return Class.forName(wanted, true, loader);
            } catch (ClassNotFoundException notYet) {
                Remapper remapper = remapper();
                for (String name : classes) {
                    define(loader, (target + name).replace('/', '.'), rename(read(source + name + ".class"), remapper));
                }
                return Class.forName(wanted, true, loader);
            }
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("could not define " + wanted + " in " + loader, e);
        }
    }

    /** Maps the source package to the target one, and the other renamed packages as asked. */
    Remapper remapper() {
        return new Remapper() {
            @Override
            public String map(String internalName) {
                if (internalName.startsWith(source)) {
                    return target + internalName.substring(source.length());
                }
                for (Map.Entry<String, String> prefix : renamed.entrySet()) {
                    if (internalName.startsWith(prefix.getKey())) {
                        return prefix.getValue() + internalName.substring(prefix.getKey().length());
                    }
                }
                return internalName;
            }
        };
    }

    /** The class file {@code classFile} with every name {@link #remapper()} maps renamed. */
    public byte[] rename(byte[] classFile) {
        return rename(classFile, remapper());
    }

    static byte[] rename(byte[] classFile, Remapper remapper) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, remapper), 0);
        return writer.toByteArray();
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = ClassInjector.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from respawn.jar");
            }
            return in.readAllBytes();
        }
    }

    private static void define(ClassLoader loader, String name, byte[] bytes) throws ReflectiveOperationException {
        Method method = defineClass;
        if (method == null) {
            method = ClassLoader.class.getDeclaredMethod("defineClass", String.class, byte[].class, int.class,
                    int.class, ProtectionDomain.class);
            method.setAccessible(true);
            defineClass = method;
        }
        method.invoke(loader, name, bytes, 0, bytes.length, null);
    }
}
