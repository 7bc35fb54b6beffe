package dev.respawn.reloader.control;

import static org.assertj.core.api.Assertions.assertThat;

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
}
