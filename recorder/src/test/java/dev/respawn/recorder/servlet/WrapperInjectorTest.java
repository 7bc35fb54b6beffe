package dev.respawn.recorder.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import net.bytebuddy.jar.asm.ClassReader;

class WrapperInjectorTest {

    private static byte[] classFile(String name) throws Exception {
        try (InputStream in = WrapperInjectorTest.class.getClassLoader()
                .getResourceAsStream("dev/respawn/recorder/servlet/jakarta/" + name + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void definesTheWrappersInTheServersOwnLoaderUnderANameOfTheirOwn() {
        ClassLoader server = new URLClassLoader(new URL[0], getClass().getClassLoader());

        WrapperFactory factory = WrapperInjector.factory(server, "jakarta");

        assertThat(factory.getClass().getClassLoader()).isSameAs(server);
        assertThat(factory.getClass().getName()).isEqualTo("dev.respawn.recorder.servlet.injected.jakarta.ServletWrappers");
        assertThat(WrapperInjector.factory(server, "jakarta").getClass()).isSameAs(factory.getClass());
    }

    @Test
    void javaxCopiesNameJavaxServletThroughout() throws Exception {
        String target = "dev/respawn/recorder/servlet/injected/javax/";
        ClassReader request = new ClassReader(WrapperInjector.injector("javax").rename(classFile("RecordingRequest")));
        assertThat(request.getClassName()).isEqualTo(target + "RecordingRequest");
        assertThat(request.getSuperName()).isEqualTo("javax/servlet/http/HttpServletRequestWrapper");
        byte[] stream = WrapperInjector.injector("javax").rename(classFile("RecordingInputStream"));
        String text = new String(stream, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("javax/servlet/ServletInputStream").doesNotContain("jakarta/servlet");
    }

    @Test
    void recognisesAClassThatImplementsFilterChainItself() throws Exception {
        byte[] chain;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("dev/respawn/recorder/servlet/WrapperInjectorTest$Chain.class")) {
            chain = in.readAllBytes();
        }
        assertThat(ServletTransformer.contains(chain, "servlet/FilterChain".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(ServletTransformer.implementsChain(chain)).isTrue();
        assertThat(ServletTransformer.implementsChain(classFile("RecordingRequest"))).isFalse();
    }

    /** A filter chain of a made-up container. */
    static final class Chain implements jakarta.servlet.FilterChain {
        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
        }
    }
}
