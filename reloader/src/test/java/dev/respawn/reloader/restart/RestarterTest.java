package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestarterTest {

    @TempDir
    Path temp;

    @Test
    void findsTheMainClassOfAClassPathLaunchOnly() {
        assertThat(Restarter.mainClass("com.example.App 8080 --verbose")).contains("com.example.App");
        assertThat(Restarter.mainClass("app.jar 8080")).isEmpty();
        assertThat(Restarter.mainClass("Script.java")).isEmpty();
        assertThat(Restarter.mainClass("")).isEmpty();
    }

    @Test
    void takesTheFoldersOfTheClassPathOnceEach() throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path jar = Files.writeString(temp.resolve("lib.jar"), "");
        String classPath = String.join(File.pathSeparator, classes.toString(), jar.toString(),
                temp.resolve("missing").toString(), classes.toString());
        assertThat(Restarter.folders(classPath)).containsExactly(classes.toRealPath());
    }
}
