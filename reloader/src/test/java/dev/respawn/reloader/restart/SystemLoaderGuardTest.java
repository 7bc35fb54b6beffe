package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;

class SystemLoaderGuardTest {

    @Test
    void theStubIsTheMainClassWithNothingButAMainThatHandsOver() throws Exception {
        byte[] stub = SystemLoaderGuard.stub("com/example/App");
        Class<?> type = new ClassLoader(null) {
            Class<?> define() {
                return defineClass("com.example.App", stub, 0, stub.length);
            }
        }.define();
        assertThat(type.getSuperclass()).isEqualTo(Object.class);
        assertThat(type.getInterfaces()).isEmpty();
        assertThat(type.getDeclaredFields()).isEmpty();
        Method[] methods = type.getDeclaredMethods();
        assertThat(methods).extracting(Method::getName).containsExactly("main");
        assertThat(Modifier.isStatic(methods[0].getModifiers())).isTrue();
        assertThat(SystemLoaderGuard.hasStaticMain(stub)).isTrue();
    }

    @Test
    void knowsAClassWithoutAStaticMain() throws Exception {
        byte[] bytes;
        try (var in = getClass().getResourceAsStream("SystemLoaderGuardTest.class")) {
            bytes = in.readAllBytes();
        }
        assertThat(SystemLoaderGuard.hasStaticMain(bytes)).isFalse();
    }

    @Test
    void stubsTheMainClassAndReportsAnyOtherFolderClassTheJvmsLoaderLoads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.util.List<String> stubbed = new java.util.ArrayList<>();
        java.util.List<String> twice = new java.util.ArrayList<>();
        java.util.List<String> fromJars = new java.util.ArrayList<>();
        SystemLoaderGuard guard = new SystemLoaderGuard("com.example.App", java.util.List.of(folder.toRealPath()),
                stubbed::add, twice::add, fromJars::add);
        ClassLoader system = ClassLoader.getSystemClassLoader();
        java.security.ProtectionDomain inFolder = new java.security.ProtectionDomain(
                new java.security.CodeSource(folder.toUri().toURL(), (java.security.cert.Certificate[]) null), null);
        java.security.ProtectionDomain inJar = new java.security.ProtectionDomain(
                new java.security.CodeSource(folder.resolve("lib.jar").toUri().toURL(), (java.security.cert.Certificate[]) null), null);
        byte[] main = SystemLoaderGuard.stub("com/example/App");

        assertThat(guard.transform(system, "com/example/App", null, inFolder, main)).isNotNull();
        assertThat(guard.transform(system, "com/example/Model", null, inFolder, new byte[0])).isNull();
        assertThat(guard.transform(system, "org/lib/Util", null, inJar, new byte[0])).isNull();
        assertThat(guard.transform(new ClassLoader(system) { }, "com/example/Other", null, inFolder, new byte[0])).isNull();

        assertThat(stubbed).containsExactly("com.example.App");
        assertThat(twice).containsExactly("com.example.Model");
        assertThat(fromJars).containsExactly("org/lib/Util");
    }
}
