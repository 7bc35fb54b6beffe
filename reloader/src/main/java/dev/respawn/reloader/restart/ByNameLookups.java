package dev.respawn.reloader.restart;

import java.util.ServiceLoader;

/**
 * Where a jar's lookups of classes by name through the JVM's application class loader go instead
 * (woven in by {@link LookupRedirects}): to the running life's loader, which answers the class
 * folders' classes with the life's versions and everything else from that same application
 * class loader. Without it, a library that loads an application class by name through the
 * JVM's loader (Micronaut's bean definitions, a {@code Class.forName} in a jar) gets a second,
 * stale copy of it. Public only because the woven calls, in the JVM's application class loader,
 * reach it.
 */
public final class ByNameLookups {

    private static final ClassLoader SYSTEM = ClassLoader.getSystemClassLoader();
    private static volatile ClassLoader life;

    private ByNameLookups() {
    }

    /** From now on lookups through the JVM's application class loader go to {@code loader}. */
    static void lifeBegins(ClassLoader loader) {
        life = loader;
    }

    static ClassLoader redirect(ClassLoader loader) {
        ClassLoader running = life;
        return loader == SYSTEM && running != null ? running : loader;
    }

    /** For {@code Class.forName(String)} in a jar class, whose own loader is the JVM's application loader. */
    public static Class<?> forName(String name) throws ClassNotFoundException {
        return Class.forName(name, true, redirect(SYSTEM));
    }

    /** For {@code Class.forName(String, boolean, ClassLoader)}. */
    public static Class<?> forName(String name, boolean initialize, ClassLoader loader) throws ClassNotFoundException {
        return Class.forName(name, initialize, redirect(loader));
    }

    /** For {@code ClassLoader.loadClass(String)}. */
    public static Class<?> loadClass(ClassLoader loader, String name) throws ClassNotFoundException {
        return redirect(loader).loadClass(name);
    }

    /** For {@code ServiceLoader.load(Class, ClassLoader)}. */
    public static <S> ServiceLoader<S> load(Class<S> service, ClassLoader loader) {
        return ServiceLoader.load(service, redirect(loader));
    }
}
