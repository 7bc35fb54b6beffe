package dev.respawn.reloader.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandoffTest {

    @TempDir
    Path temp;

    private final long self = ProcessHandle.current().pid();

    @Test
    void aWorkerNotMarkedWritesItsFilesItself() {
        assertThat(Handoff.isMine(temp)).isFalse();
        assertThat(Handoff.note(temp, "profile\tcpu\t/x.jfr\ttitle")).as("nothing to note into").isFalse();
        assertThat(Handoff.marked(temp)).isEmpty();
    }

    @Test
    void aMarkedWorkersNotesReachTheSupervisorUntilFinished() throws Exception {
        Handoff.mark(temp, self);

        assertThat(Handoff.isMine(temp)).isTrue();
        assertThat(Handoff.note(temp, "profile\tcpu\t/x.jfr\ta\nb")).isTrue();
        assertThat(Handoff.note(temp, "other\t1")).isTrue();
        assertThat(Handoff.notes(temp, self)).containsExactly("profile\tcpu\t/x.jfr\ta b", "other\t1");
        assertThat(Handoff.marked(temp)).containsExactly(self);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("handoff/" + self))))
                .isEqualTo("rw-------");

        Handoff.finished(temp, self);
        assertThat(Handoff.isMarked(temp, self)).isFalse();
        assertThat(Handoff.notes(temp, self)).isEmpty();
        assertThat(Handoff.marked(temp)).isEmpty();
    }

    @Test
    void markingAgainForgetsAnOldNote() throws Exception {
        Handoff.mark(temp, self);
        Handoff.note(temp, "profile\tcpu\t/old.jfr\tt");

        Handoff.mark(temp, self);

        assertThat(Handoff.notes(temp, self)).isEmpty();
    }
}
