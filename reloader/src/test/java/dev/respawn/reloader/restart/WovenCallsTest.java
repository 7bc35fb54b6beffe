package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The calls respawn weaves into jar classes: recording what a life constructs, and redirecting lookups by name. */
class WovenCallsTest {

    /** A target: looks a class up by name through the JVM's application class loader, as libraries do. */
    public static final class Finder {

        public Finder() {
        }

        public static Class<?> find(String name) throws ClassNotFoundException {
            return Class.forName(name, false, ClassLoader.getSystemClassLoader());
        }

        public static Class<?> load(String name) throws ClassNotFoundException {
            return ClassLoader.getSystemClassLoader().loadClass(name);
        }
    }

    @Test
    void recordsEachInstanceItsLifeConstructs() throws Exception {
        Class<?> woven = define(Finder.class, CreationRecorder.record(bytes(Finder.class)));
        LifeObjects life = new LifeObjects();
        life.begin();

        Object made = woven.getConstructor().newInstance();
        woven.getConstructor().newInstance();

        assertThat(life.all()).hasSize(2).startsWith(made);
        new LifeObjects().begin();
    }

    @Test
    void sendsLookupsThroughTheJvmsLoaderToTheRunningLife() throws Exception {
        Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        try (RestartLoader life = new RestartLoader(7, List.of(testClasses), ClassLoader.getSystemClassLoader())) {
            ByNameLookups.lifeBegins(life);
            Class<?> woven = define(Finder.class, LookupRedirects.rewrite(bytes(Finder.class)));
            String target = StubbornApp.class.getName();

            Class<?> found = (Class<?>) woven.getMethod("find", String.class).invoke(null, target);
            Class<?> loaded = (Class<?>) woven.getMethod("load", String.class).invoke(null, target);

            assertThat(found.getClassLoader()).isSameAs(life);
            assertThat(loaded).isSameAs(found);
            assertThat(Finder.find(target).getClassLoader()).as("unwoven").isSameAs(ClassLoader.getSystemClassLoader());
        } finally {
            ByNameLookups.lifeBegins(null);
        }
    }

    @Test
    void leavesAClassWithoutLookupsUnparsed() throws Exception {
        assertThat(LookupRedirects.rewrite(bytes(LifeObjects.class))).isNull();
    }

    private static byte[] bytes(Class<?> type) throws Exception {
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Defines the bytes as a class of a throwaway loader (the JVM's application loader already has the original). */
    private static Class<?> define(Class<?> original, byte[] bytes) {
        return new ClassLoader(ClassLoader.getSystemClassLoader()) {
            Class<?> define() {
                return defineClass(original.getName(), bytes, 0, bytes.length);
            }
        }.define();
    }
}
