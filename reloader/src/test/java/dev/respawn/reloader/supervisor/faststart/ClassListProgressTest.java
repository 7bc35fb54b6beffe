package dev.respawn.reloader.supervisor.faststart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassListProgressTest {

    @TempDir
    Path temp;

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void settlesWhileEachLifeListsItsClassesAgain() throws Exception {
        Path file = temp.resolve("x.loaded");
        ClassListProgress progress = new ClassListProgress(file);
        assertThat(progress.entries()).as("not written yet").isEqualTo(-1);

        append(file, "# NOTE: Do not modify this file.\njava/lang/Object id: 0\njava/lang/String id: 1\n"
                + "com/example/Main id: 900 super: 0 source: /app/target/classes/\n"
                + "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L\n");
        assertThat(progress.entries()).isEqualTo(3);

        // The next life: the same application classes under new ids, a JDK class listed again.
        append(file, "com/example/Main id: 1200 super: 0 source: /app/target/classes/\njava/lang/String id: 1\n");
        assertThat(progress.entries()).as("the file grew, what can be archived did not").isEqualTo(3);

        append(file, "java/util/HashMap id: 2\njava/util/Tree");
        assertThat(progress.entries()).as("a line being written counts once it is whole").isEqualTo(4);
        append(file, "Map id: 3\n");
        assertThat(progress.entries()).isEqualTo(5);
    }

    @Test
    void linesWithASourceAreNotArchivable() {
        assertThat(ClassListProgress.archivable("java/lang/Object id: 0")).isTrue();
        assertThat(ClassListProgress.archivable("dev/respawn/shaded/net/bytebuddy/utility/Invoker$Dispatcher id: 1742"
                + " super: 0 interfaces: 1708 source: /tmp/respawn.jar")).isFalse();
    }
}
