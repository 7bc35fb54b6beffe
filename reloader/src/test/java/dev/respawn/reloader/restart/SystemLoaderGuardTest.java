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
}
