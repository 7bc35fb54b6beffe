package dev.respawn.reloader.restart;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The disposable class loader of one application life: the classes and resources of the class
 * path's folders, child first, and everything else (the jars, the JDK) from the JVM's
 * application class loader, which lives as long as the JVM.
 *
 * <p>The parent sees the folders too (they stay on the class path), so resources that both find
 * are answered once, from here.
 */
final class RestartLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<Path> folders;

    RestartLoader(int life, List<Path> folders, ClassLoader parent) {
        super(name(life), urls(folders), parent);
        this.folders = List.copyOf(folders);
    }

    /** The loader's name, which stack frames of its classes carry. */
    static String name(int life) {
        return "respawn-life-" + life;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            // Asked first whether a folder has the class: most names asked for are the jars' (a
            // framework's by-name lookups through the context loader), and a miss of findClass
            // costs an exception with the whole stack filled in.
            if (loaded == null && !name.startsWith("java.") && findResource(name.replace('.', '/') + ".class") != null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException e) {
                    // Not in a folder: the parent's.
                }
            }
            if (loaded == null) {
                loaded = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        for (URL url : Collections.list(getParent().getResources(name))) {
            if (!inFolder(url)) {
                all.add(url);
            }
        }
        return Collections.enumeration(all);
    }

    private boolean inFolder(URL url) {
        if (!url.getProtocol().equals("file")) {
            return false;
        }
        try {
            Path path = Path.of(url.toURI()).toRealPath();
            return folders.stream().anyMatch(path::startsWith);
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return false;
        }
    }

    private static URL[] urls(List<Path> folders) {
        URL[] urls = new URL[folders.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = folders.get(i).toUri().toURL();
            } catch (IOException e) {
                throw new IllegalArgumentException("not a folder: " + folders.get(i), e);
            }
        }
        return urls;
    }
}
