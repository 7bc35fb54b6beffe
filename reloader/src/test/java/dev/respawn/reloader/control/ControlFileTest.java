package dev.respawn.reloader.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlFileTest {

    @TempDir
    Path directory;

    @Test
    void aWrittenFileReadsBackAsTheSameRecord() throws Exception {
        ControlFile written = new ControlFile(4242, 51234, "0a1b2c3d4e5f");

        written.write(directory);

        assertThat(ControlFile.find(directory, 4242)).contains(written);
    }

    @Test
    void anyTokenIsEscapedAsJson() throws Exception {
        ControlFile written = new ControlFile(7, 8, "a\"b\\c\n");

        written.write(directory);

        assertThat(ControlFile.find(directory, 7)).contains(written);
    }

    @Test
    void aDamagedOrIncompleteFileCountsForNothing() throws Exception {
        Files.writeString(directory.resolve("1.json"), "{\"pid\":1,\"port\":2,\"tok");
        Files.writeString(directory.resolve("2.json"), "");
        Files.writeString(directory.resolve("3.json"), "{\"pid\":3,\"port\":0,\"token\":\"ab\"}");
        Files.writeString(directory.resolve("4.json"), "{\"pid\":4,\"port\":5,\"token\":null}");

        for (long pid = 1; pid <= 4; pid++) {
            assertThat(ControlFile.find(directory, pid)).as("pid " + pid).isEmpty();
        }
    }

    @Test
    void fieldsItDoesNotKnowAreSkipped() throws Exception {
        Files.writeString(directory.resolve("9.json"),
                "{\"version\":{\"a\":[1,2]},\"pid\":9,\"port\":10,\"token\":\"cd\",\"more\":null}");

        assertThat(ControlFile.find(directory, 9)).contains(new ControlFile(9, 10, "cd"));
    }
}
