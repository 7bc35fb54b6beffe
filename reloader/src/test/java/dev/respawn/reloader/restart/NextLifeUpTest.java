package dev.respawn.reloader.restart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.respawn.reloader.context.LifeOutputs;

class NextLifeUpTest {

    @AfterEach
    void unblock() {
        System.clearProperty(BlockingMain.BLOCK);
    }

    @Test
    void theEndedLifesFilesWaitUntilTheNextLifesMainHasDoneItsStart() throws Exception {
        Path classes = Path.of(BlockingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        LifeOutputs outputs = new LifeOutputs();
        long hold = outputs.hold();
        CountDownLatch written = new CountDownLatch(1);
        outputs.write(written::countDown);
        System.setProperty(BlockingMain.BLOCK, "starting");
        Life next = Life.prepare(2, BlockingMain.class.getName(), List.of(classes), ClassLoader.getSystemClassLoader());
        next.start(new String[0], trace -> { });

        NextLifeUp.release(outputs, hold, next, Set.of(), () -> { });

        assertThat(written.await(500, TimeUnit.MILLISECONDS)).as("written while the next life starts").isFalse();
        System.clearProperty(BlockingMain.BLOCK);
        assertThat(written.await(10, TimeUnit.SECONDS)).as("written once its main returned").isTrue();
    }
}
