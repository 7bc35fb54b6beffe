package dev.respawn.recorder.servlet;

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
 * Defines the servlet wrappers inside the class loader that holds the server's servlet API.
 *
 * <p>Why: respawn.jar is on the system class path, but the servlet API may not be (a standalone
 * Tomcat keeps it in its common loader), and one application may even have both {@code javax}
 * and {@code jakarta}. So the wrappers, compiled once against Jakarta Servlet 5 (which is javax
 * Servlet 4 renamed), ship as plain class files; at the first request of a server they are
 * renamed into a package of their own (and to {@code javax.servlet} for a javax server) and
 * defined in that loader. There they see the servlet API, and, through the loader's parents,
 * the recorder's own classes, which use no servlet type.
 */
final class WrapperInjector {

    /** The servlet API packages, by the name they start with. */
    static final List<String> FLAVORS = List.of("jakarta", "javax");

    private static final String SOURCE = "dev/respawn/recorder/servlet/jakarta/";
    /** In dependency order is not needed: they only name each other inside method bodies. */
    private static final List<String> CLASSES = List.of("RecordingInputStream", "RecordingOutputStream",
            "RecordingRequest", "RecordingResponse", "AsyncCompletion", "PendingError", "ServletWrappers");

    private static volatile Method defineClass;

    private WrapperInjector() {
    }

    /** Lets the recorder define classes in other loaders: opens java.lang to it, as only an agent can. */
    static void openClassLoader(Instrumentation instrumentation) {
        Module base = ClassLoader.class.getModule();
        Module recorder = WrapperInjector.class.getModule();
        if (!base.isOpen("java.lang", recorder)) {
            instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(recorder)),
                    Set.of(), Map.of());
        }
    }

    static synchronized WrapperFactory factory(ClassLoader loader, String flavor) {
        String target = "dev/respawn/recorder/servlet/injected/" + flavor + "/";
        String factoryName = (target + "ServletWrappers").replace('/', '.');
        try {
            Class<?> factory;
            try {
                factory = Class.forName(factoryName, true, loader);
            } catch (ClassNotFoundException notYet) {
                Remapper remapper = remapper(flavor, target);
                for (String name : CLASSES) {
                    byte[] renamed = rename(read(SOURCE + name + ".class"), remapper);
                    define(loader, (target + name).replace('/', '.'), renamed);
                }
                factory = Class.forName(factoryName, true, loader);
            }
            return (WrapperFactory) factory.getConstructor().newInstance();
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("could not define the servlet wrappers in " + loader, e);
        }
    }

    static Remapper remapper(String flavor, String target) {
        return new Remapper() {
            @Override
            public String map(String internalName) {
                if (internalName.startsWith(SOURCE)) {
                    return target + internalName.substring(SOURCE.length());
                }
                if (internalName.startsWith("jakarta/servlet/")) {
                    return flavor + internalName.substring("jakarta".length());
                }
                return internalName;
            }
        };
    }

    static byte[] rename(byte[] classFile, Remapper remapper) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, remapper), 0);
        return writer.toByteArray();
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = WrapperInjector.class.getClassLoader().getResourceAsStream(resource)) {
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
