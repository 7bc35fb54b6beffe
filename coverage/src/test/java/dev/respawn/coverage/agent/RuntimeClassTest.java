package dev.respawn.coverage.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.jacoco.core.runtime.InjectedClassRuntime;
import org.junit.jupiter.api.Test;

class RuntimeClassTest {

    @Test
    void isByteForByteTheClassJacocosInjectedClassRuntimeWrites() throws Exception {
        Method jacocos = InjectedClassRuntime.class.getDeclaredMethod("createClass", String.class);
        jacocos.setAccessible(true);

        assertThat(RuntimeClass.bytes("java/lang/$RespawnJaCoCo"))
                .isEqualTo((byte[]) jacocos.invoke(null, "java/lang/$RespawnJaCoCo"));
    }

    @Test
    void definesAPublicStaticFieldThatInstrumentedClassesRead() throws Exception {
        byte[] bytes = RuntimeClass.bytes("com/example/$Runtime");
        Class<?> defined = new ClassLoader(null) {
            Class<?> define() {
                return defineClass("com.example.$Runtime", bytes, 0, bytes.length);
            }
        }.define();

        assertThat(Modifier.isPublic(defined.getModifiers())).isTrue();
        assertThat(defined.getField("data").getType()).isEqualTo(Object.class);
        assertThat(Modifier.isStatic(defined.getField("data").getModifiers())).isTrue();
    }
}
