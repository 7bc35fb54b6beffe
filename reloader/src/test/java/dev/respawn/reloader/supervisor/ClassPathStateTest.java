package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathStateTest {

    @TempDir
    Path temp;

    private List<String> command() {
        return List.of("java", "-cp", "target/classes" + java.io.File.pathSeparator + "lib/a.jar", "Main");
    }

    @Test
    void staysTheSameWhileNothingChanges() throws IOException {
        Files.createDirectories(temp.resolve("target/classes"));
        Files.createDirectories(temp.resolve("lib"));
        Files.write(temp.resolve("lib/a.jar"), new byte[] {1, 2});
        assertThat(ClassPathState.of(command(), temp)).isEqualTo(ClassPathState.of(command(), temp));
    }

    @Test
    void aClassFolderDeletedAndMadeAgainIsAnother() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("target/classes"));
        // Made a while ago, as a build's folder is: the new one may well get the same inode.
        Files.setLastModifiedTime(classes, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        ClassPathState before = ClassPathState.of(command(), temp);
        Files.delete(classes);
        assertThat(ClassPathState.of(command(), temp)).isNotEqualTo(before);
        ClassPathState missing = ClassPathState.of(command(), temp);
        Files.createDirectories(classes);
        assertThat(ClassPathState.of(command(), temp)).isNotEqualTo(missing).isNotEqualTo(before);
    }

    @Test
    void aJarRewrittenIsAnother() throws IOException {
        Path jar = Files.write(Files.createDirectories(temp.resolve("lib")).resolve("a.jar"), new byte[] {1, 2});
        ClassPathState before = ClassPathState.of(command(), temp);
        Files.write(jar, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2_000));
        assertThat(ClassPathState.of(command(), temp)).isNotEqualTo(before);
    }

    @Test
    void aCommandWithoutAClassPathHasNoEntries() {
        assertThat(ClassPathState.of(List.of("java", "-jar", "app.jar"), temp).entries()).isEmpty();
    }
}
