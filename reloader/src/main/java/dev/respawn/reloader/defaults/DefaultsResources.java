package dev.respawn.reloader.defaults;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;

/**
 * {@link SpringDevDefaults} as a class folder held in memory, for a class loader of Spring Boot's own
 * (an executable jar's): a factories file naming the post-processor, and its class under a name that
 * respawn.jar does not hold. The loader asks its parent first, and the parent (the system class loader,
 * which loads respawn.jar but no Spring Boot) would otherwise define it where it cannot link. In memory,
 * so that no file of respawn's is tracked as the application's, or deleted under a watcher's eyes.
 */
final class DefaultsResources extends URLStreamHandler {

    /** The post-processor's name in the application's loader. */
    static final String CLASS_NAME = "dev.respawn.springboot.DevelopmentDefaults";

    private static final String TEMPLATE = "dev/respawn/reloader/defaults/SpringDevDefaults";
    private static final String BASE = "/spring-defaults/";

    private final Map<String, byte[]> entries;

    private DefaultsResources(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    /** The folder's URL, to add to a {@code URLClassLoader}. */
    static URL folder() throws IOException {
        byte[] factories = ("org.springframework.boot.env.EnvironmentPostProcessor=" + CLASS_NAME + "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        DefaultsResources resources = new DefaultsResources(Map.of("META-INF/spring.factories", factories,
                CLASS_NAME.replace('.', '/') + ".class", renamedClass()));
        return new URL("respawn", "", -1, BASE, resources);
    }

    /** SpringDevDefaults' class file from respawn.jar, every mention of its name replaced by {@link #CLASS_NAME}. */
    static byte[] renamedClass() throws IOException {
        byte[] template;
        try (InputStream in = DefaultsResources.class.getClassLoader().getResourceAsStream(TEMPLATE + ".class")) {
            if (in == null) {
                throw new IOException(TEMPLATE + ".class is missing from respawn.jar");
            }
            template = in.readAllBytes();
        }
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(template).accept(new ClassRemapper(writer,
                new SimpleRemapper(TEMPLATE, CLASS_NAME.replace('.', '/'))), 0);
        return writer.toByteArray();
    }

    /**
     * A connection to any URL under the folder, the folder's own included (Spring Boot opens each of
     * its loader's URLs to look for {@code META-INF/resources} jars); reading one that names no entry
     * fails as a missing file does, which is how a class loader's search learns that it is not here.
     */
    @Override
    protected URLConnection openConnection(URL url) {
        String path = url.getPath();
        byte[] bytes = path.startsWith(BASE) ? entries.get(path.substring(BASE.length())) : null;
        return new URLConnection(url) {
            @Override
            public void connect() throws IOException {
                if (bytes == null) {
                    throw new FileNotFoundException(url.toString());
                }
                connected = true;
            }

            @Override
            public InputStream getInputStream() throws IOException {
                connect();
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public long getContentLengthLong() {
                return bytes == null ? -1 : bytes.length;
            }
        };
    }
}
