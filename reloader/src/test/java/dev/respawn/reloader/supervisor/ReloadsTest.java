package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.options.ReloadMode;

/** What a settled burst of changes begins, with a real planner over a real class folder. */
class ReloadsTest {

    @TempDir
    Path temp;

    /**
     * A class file written again with the bytes the worker runs (javac's second write of the file
     * whose first write began a restart inside the JVM, the restart's class folder read anew) begins
     * no reload: one would end the readiness report of the restart under way, whose "restarted
     * inside the JVM in N ms" line was then never said, and make the front hold.
     */
    @Test
    void aClassFileRewrittenWithTheSameBytesBeginsNoReload() throws Exception {
        Worker running = Worker.start(List.of("sleep", "60"), Map.of(), temp, System.out, System.err);
        try {
            Sides sides = reloadsOf(running);

            Files.write(sides.greeting, classBytes());
            sides.reloads.apply(List.of(sides.greeting));

            assertThat(sides.serving.reloads()).as("reloads begun").isZero();
            assertThat(sides.events).isEmpty();
            assertThat(sides.restarts).isEmpty();
            assertThat(sides.terminal.toString(StandardCharsets.UTF_8)).contains("rewritten with the same bytes; nothing to reload");
        } finally {
            running.handle().destroyForcibly();
        }
    }

    /**
     * A worker that ended (its main threw: a port was taken, say) is started again on a change
     * even when the class files hold the same bytes: what made it fail may be gone since.
     */
    @Test
    void aWorkerThatEndedIsStartedAgainOnTheSameBytes() throws Exception {
        Worker ended = Worker.start(List.of("true"), Map.of(), temp, System.out, System.err);
        ended.onExit().join();
        Sides sides = reloadsOf(ended);

        Files.write(sides.greeting, classBytes());
        sides.reloads.apply(List.of(sides.greeting));

        assertThat(sides.restarts).hasSize(1);
        assertThat(sides.events).contains("reloading");
    }

    private record Sides(Path greeting, Reloads reloads, ServingEvents serving, List<String> events, List<String> restarts,
            ByteArrayOutputStream terminal) {
    }

    private Sides reloadsOf(Worker worker) throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Path greeting = Files.write(classes.resolve("Greeting.class"), classBytes());
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        List<String> events = new CopyOnWriteArrayList<>();
        SupervisorExtension front = new SupervisorExtension() {
            @Override
            public void reloading() {
                events.add("reloading");
            }
        };
        ServingEvents serving = new ServingEvents(List.of(front));
        HotSwapper hotSwapper = new HotSwapper(null, List.of(), console);
        hotSwapper.classFolder(classes);
        List<String> restarts = new CopyOnWriteArrayList<>();
        Reloads reloads = new Reloads(ReloadMode.AUTO, hotSwapper, null, new ControlPorts(temp), console, () -> worker,
                (changed, why, began) -> restarts.add(why), serving);
        return new Sides(greeting, reloads, serving, events, restarts, terminal);
    }

    /** A class file of this test's own: real bytes a planner can read. */
    private static byte[] classBytes() throws Exception {
        try (var in = ReloadsTest.class.getResourceAsStream("ReloadsTest.class")) {
            return in.readAllBytes();
        }
    }
}
