package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTest {

    /** A terminal that takes its time, so the worker has ended well before its output is passed on. */
    private static PrintStream slowTerminal() {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @Test
    void theLastOutputOfAnEndedWorkerIncludesWhatItWroteJustBeforeItsEnd(@TempDir Path directory)
            throws Exception {
        Worker worker = Worker.start(List.of("sh", "-c", "echo starting; echo 'broken on purpose' >&2; exit 1"),
                Map.of(), directory, slowTerminal(), slowTerminal());

        worker.onExit().join();

        assertThat(worker.exitValue()).isEqualTo(1);
        assertThat(worker.lastOutput(3)).contains("broken on purpose");
    }
}
