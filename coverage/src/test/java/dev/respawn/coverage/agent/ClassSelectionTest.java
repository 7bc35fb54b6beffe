package dev.respawn.coverage.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Optional;

import dev.respawn.coverage.ClassPatterns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSelectionTest {

    @TempDir
    Path temp;

    private final ClassLoader loader = getClass().getClassLoader();

    private static ProtectionDomain from(Path location) throws Exception {
        URL url = location.toUri().toURL();
        return new ProtectionDomain(new CodeSource(url, (Certificate[]) null), null);
    }

    private static ClassPatterns patterns(String includes, String excludes) {
        return new ClassPatterns(Optional.ofNullable(includes), Optional.ofNullable(excludes));
    }

    @Test
    void byDefaultCoversClassFoldersAndNotJars() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("target/classes"));
        Path library = Files.createFile(temp.resolve("library.jar"));
        ClassSelection selection = new ClassSelection(patterns(null, null), null);

        assertThat(selection.select(loader, "com/example/App", from(classes))).isEqualTo(classes);
        assertThat(selection.select(loader, "org/lib/Thing", from(library))).isNull();
        assertThat(selection.select(null, "com/example/App", from(classes))).as("the boot class loader's").isNull();
    }

    @Test
    void byDefaultCoversTheClassesABuildCompiledWhenTheyLoadFromAJarOfItsOutput() throws Exception {
        Files.createDirectories(temp.resolve("shop/target/classes/com/example"));
        Files.createFile(temp.resolve("shop/target/classes/com/example/App.class"));
        Path app = temp.resolve("shop/target/quarkus-app/app/shop.jar");
        Files.createDirectories(app.getParent());
        Files.createFile(app);
        ClassSelection selection = new ClassSelection(patterns(null, null), null);

        assertThat(selection.select(loader, "com/example/App", from(app))).isEqualTo(app);
        assertThat(selection.select(loader, "com/example/App_ClientProxy", from(app))).as("generated").isNull();
        assertThat(new ClassSelection(patterns(null, "com.example.*"), null).select(loader, "com/example/App", from(app)))
                .as("excluded").isNull();
    }

    @Test
    void includesReachIntoJarsAndExcludesWin() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("target/classes"));
        Path library = Files.createFile(temp.resolve("library.jar"));
        ClassSelection selection = new ClassSelection(patterns("com.example.*:org.lib.*", "*Generated*"), null);

        assertThat(selection.select(loader, "org/lib/Thing", from(library))).isEqualTo(library);
        assertThat(selection.select(loader, "com/example/App", from(classes))).isEqualTo(classes);
        assertThat(selection.select(loader, "com/example/AppGenerated", from(classes))).isNull();
        assertThat(selection.select(loader, "net/other/Thing", from(classes))).isNull();
    }

    @Test
    void neverRespawnsOwnClassesNorAnotherJacocoAgentsRuntime() throws Exception {
        Path ownJar = Files.createFile(temp.resolve("respawn.jar"));
        Path classes = Files.createDirectories(temp.resolve("target/classes"));
        ClassSelection selection = new ClassSelection(patterns("*", null), ownJar);

        assertThat(selection.select(loader, "dev/respawn/cli/Main", from(ownJar))).isNull();
        assertThat(selection.select(loader, "dev/respawn/shaded/org/jacoco/core/Thing", from(classes))).isNull();
        assertThat(selection.select(loader, "org/jacoco/agent/rt/RT", from(classes))).isNull();
        assertThat(selection.select(loader, "dev/respawn/examples/hello/Greeting", from(classes))).isEqualTo(classes);
    }
}
