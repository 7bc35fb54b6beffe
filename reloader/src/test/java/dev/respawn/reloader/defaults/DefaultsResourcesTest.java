package dev.respawn.reloader.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLClassLoader;
import java.util.List;

import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

class DefaultsResourcesTest {

    @TempDir
    Path temp;

    /**
     * As a Spring Boot launcher's loader with the folder added: its parent (here the test's loader)
     * holds respawn's SpringDevDefaults, but not under the name the factories give, so the loader
     * defines the post-processor itself, against the Spring Boot it sees.
     */
    @Test
    void aLoaderWithTheFolderRunsThePostProcessorItDefinedItself() throws Exception {
        try (URLClassLoader launched = new URLClassLoader(new URL[] {DefaultsResources.folder()}, getClass().getClassLoader())) {
            // Spring Boot's own post-processors take arguments it passes them; ours takes none.
            List<EnvironmentPostProcessor> found = SpringFactoriesLoader.forDefaultResourceLocation(launched)
                    .load(EnvironmentPostProcessor.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, e) -> {
                    }));
            EnvironmentPostProcessor ours = found.stream()
                    .filter(processor -> processor.getClass().getName().equals(DefaultsResources.CLASS_NAME))
                    .findFirst().orElseThrow(() -> new AssertionError("not among " + found));
            assertThat(ours.getClass().getClassLoader()).isSameAs(launched);
            assertThat(ours.getClass().getProtectionDomain().getCodeSource().getLocation().getProtocol())
                    .as("no file of respawn's to track as the application's").isEqualTo("respawn");

            // An application with Thymeleaf (a stand-in of its engine's class) gets its cache turned off.
            Files.write(Files.createDirectories(temp.resolve("org/thymeleaf")).resolve("TemplateEngine.class"),
                    emptyClass("org/thymeleaf/TemplateEngine"));
            try (URLClassLoader application = new URLClassLoader(new URL[] {temp.toUri().toURL()}, launched)) {
                StandardEnvironment environment = new StandardEnvironment();
                SpringApplication spring = new SpringApplication();
                spring.setResourceLoader(new DefaultResourceLoader(application));
                ours.postProcessEnvironment(environment, spring);
                assertThat(environment.getProperty("spring.thymeleaf.cache")).isEqualTo("false");
            }
        }
    }

    private static byte[] emptyClass(String internalName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    @Test
    void anEntryTheFolderDoesNotHoldIsNotFound() throws Exception {
        try (URLClassLoader launched = new URLClassLoader(new URL[] {DefaultsResources.folder()}, null)) {
            assertThat(launched.getResource("META-INF/spring.factories")).isNotNull();
            assertThat(launched.getResource("application.properties")).isNull();
            // Spring Boot opens each of a loader's URLs (StaticResourceJars) before it starts Tomcat.
            assertThat(launched.getURLs()[0].openConnection()).isNotNull();
        }
    }
}
