package dev.respawn.reloader.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLocatorTest {

    @TempDir
    Path temp;

    @Test
    void guessesMavenAndGradleSourceFolders() {
        assertThat(SourceLocator.guessedRoots(Path.of("/p/target/classes")))
                .startsWith(Path.of("/p/src/main/java"), Path.of("/p/src/main/kotlin"));
        assertThat(SourceLocator.guessedRoots(Path.of("/p/target/test-classes"))).startsWith(Path.of("/p/src/test/java"));
        assertThat(SourceLocator.guessedRoots(Path.of("/p/build/classes/java/main"))).startsWith(Path.of("/p/src/main/java"));
        assertThat(SourceLocator.guessedRoots(Path.of("/p/weird"))).isEmpty();
    }

    @Test
    void theJavaRootOfAClassFolderIsTheOneItsLayoutNames() throws IOException {
        Path maven = Files.createDirectories(temp.resolve("m/src/main/java"));
        Files.createDirectories(temp.resolve("m/src/main/kotlin"));
        assertThat(SourceLocator.javaRoot(temp.resolve("m/target/classes"))).contains(maven);
        Path gradle = Files.createDirectories(temp.resolve("g/src/main/java"));
        assertThat(SourceLocator.javaRoot(temp.resolve("g/build/classes/java/main"))).contains(gradle);
        Path plain = Files.createDirectories(temp.resolve("p/src/com/x"));
        assertThat(SourceLocator.javaRoot(temp.resolve("p/bin"))).contains(plain.getParent().getParent());
        Files.createDirectories(temp.resolve("k/src/main/kotlin"));
        assertThat(SourceLocator.javaRoot(temp.resolve("k/target/classes"))).as("Kotlin only").isEmpty();
        assertThat(SourceLocator.javaRoot(temp.resolve("weird"))).isEmpty();
    }

    @Test
    void findsASourceByPackageAndSourceFileAttribute() throws IOException {
        Path file = Files.createDirectories(temp.resolve("src/main/java/com/x")).resolve("Outer.java");
        Files.writeString(file, "class Outer {}");
        SourceLocator locator = new SourceLocator(List.of());
        Path classes = temp.resolve("target/classes");
        assertThat(locator.locate(classes, "com/x/Outer$Inner", "Outer.java")).contains(file);
        assertThat(locator.locate(classes, "com/x/Outer$1", null)).contains(file);
        assertThat(locator.locate(classes, "com/x/Missing", "Missing.java")).isEmpty();
    }

    @Test
    void theSourcePathComesFirst() throws IOException {
        Path mine = Files.createDirectories(temp.resolve("elsewhere/com/x")).resolve("A.java");
        Files.writeString(mine, "class A {}");
        Files.createDirectories(temp.resolve("src/main/java/com/x"));
        Files.writeString(temp.resolve("src/main/java/com/x/A.java"), "class A {}");
        SourceLocator locator = new SourceLocator(List.of(temp.resolve("elsewhere")));
        assertThat(locator.locate(temp.resolve("target/classes"), "com/x/A", "A.java")).isEqualTo(Optional.of(mine));
    }

    @Test
    void readsTheSourceFileAttributeOfARealClass() throws IOException {
        byte[] bytes;
        try (InputStream in = SourceLocatorTest.class.getResourceAsStream("SourceLocatorTest.class")) {
            bytes = in.readAllBytes();
        }
        assertThat(SourceFileAttribute.read(bytes)).isEqualTo("SourceLocatorTest.java");
        assertThat(SourceFileAttribute.read(new byte[] {1, 2, 3})).isNull();
    }
}
