package dev.respawn.agent.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppClassesTest {

    @TempDir
    Path temp;

    private final ClassLoader application = ClassLoader.getSystemClassLoader();

    /** A class outside respawn's packages, which the matcher may take for the application's. */
    private static final Class<?> TARGET = org.assertj.core.api.Assertions.class;

    private static ProtectionDomain from(Path location) throws Exception {
        URL url = location.toUri().toURL();
        return new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null);
    }

    private boolean matches(AppClasses app, Class<?> type, ClassLoader loader, ProtectionDomain domain) {
        return app.matches(type.getName(), loader, domain);
    }

    @Test
    void byDefaultClassesFromADirectoryAreTheApplicationsAndJarsAreNot() throws Exception {
        AppClasses app = new AppClasses(List.of(), null);
        Path jar = Files.createFile(temp.resolve("library.jar"));
        assertThat(matches(app, TARGET, application, from(temp))).isTrue();
        assertThat(matches(app, TARGET, application, from(jar))).isFalse();
        assertThat(matches(app, TARGET, application, null)).isFalse();
    }

    @Test
    void byDefaultTheClassesABuildCompiledAreTheApplicationsFromAJarOfItsOutputToo() throws Exception {
        String name = TARGET.getName().replace('.', '/');
        Path compiled = temp.resolve("shop/target/classes/" + name + ".class");
        Files.createDirectories(compiled.getParent());
        Files.createFile(compiled);
        Path app = temp.resolve("shop/target/quarkus-app/app/shop.jar");
        Path library = temp.resolve("shop/target/quarkus-app/lib/main/library.jar");
        Files.createDirectories(app.getParent());
        Files.createDirectories(library.getParent());
        Files.createFile(app);
        Files.createFile(library);
        AppClasses classes = new AppClasses(List.of(), null);

        assertThat(matches(classes, TARGET, application, from(app))).isTrue();
        assertThat(classes.matches(TARGET.getName() + "_ClientProxy", application, from(app))).as("generated").isFalse();
        assertThat(matches(classes, TARGET, application, from(temp.resolve("elsewhere.jar")))).isFalse();
    }

    @Test
    void neverTheJdkNorRespawn() throws Exception {
        AppClasses app = new AppClasses(List.of(), null);
        assertThat(matches(app, String.class, null, from(temp))).isFalse();
        assertThat(matches(app, Unwinder.class, application, from(temp))).as("respawn's own").isFalse();
    }

    @Test
    void appPackagesOverrideWhereClassesComeFrom() throws Exception {
        Path jar = Files.createFile(temp.resolve("library.jar"));
        assertThat(matches(new AppClasses(List.of("org.assertj"), null), org.assertj.core.api.Assertions.class,
                application, from(jar))).isTrue();
        assertThat(matches(new AppClasses(List.of("com.example"), null), TARGET, application, from(temp)))
                .isFalse();
    }

    @Test
    void generatedProxiesBesideApplicationClassesAreNotTheApplications() throws Exception {
        AppClasses app = new AppClasses(List.of(), null);
        for (String proxy : List.of("com.example.NoteService$$SpringCGLIB$$0", "com.example.Shop$$EnhancerBySpringCGLIB$$1f2e",
                "com.example.Note$HibernateProxy$Xq1", "com.example.Shop$ByteBuddy$Mock")) {
            assertThat(app.matches(proxy, application, from(temp))).as(proxy).isFalse();
        }
        assertThat(app.matches("com.example.Shop$Order", application, from(temp))).as("a nested class").isTrue();
        assertThat(app.matches("com.example.Shop$1", application, from(temp))).as("an anonymous one").isTrue();
    }
}
