package dev.respawn.reloader.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.ports.ListeningPorts;

/** The report of a new worker, against a real process that listens on a real port. */
class ReadinessReportTest {

    /** A worker that listens on the port given, on loopback, until it is stopped. */
    private static final String LISTENER = "import socket, sys, time\n"
            + "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            + "s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(5)\n"
            + "while True: s.accept()[0].close()\n";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    /**
     * A new worker that listens before its report begins (a warm worker's application starts at
     * once on go) is still new: the ports from before the start say so, where the ports read as
     * the report begins would count it as old, and the report would wait a minute for another.
     */
    @Test
    void aWorkerListeningBeforeItsReportBeginsIsReportedUp() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3");
        int port = freePort();
        // The machine as the report sees it: this worker alone. On a shared machine other
        // processes open ports all the time, and any new one would make the report look further.
        Supplier<Set<Integer>> machine = () -> ListeningPorts.all().contains(port) ? Set.of(port) : Set.of();
        Set<Integer> before = machine.get();
        long began = System.nanoTime();
        Worker worker = Worker.start(List.of("/usr/bin/python3", "-c", LISTENER, Integer.toString(port)), Map.of(),
                temp, new PrintStream(terminal), new PrintStream(terminal));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> ListeningPorts.all().contains(port));

            ReadinessReport report = report(worker, before, began).machinePorts(machine);
            report.start();
            report.join(Duration.ofSeconds(10).toMillis());

            assertThat(terminal.toString(StandardCharsets.UTF_8))
                    .contains("respawn: worker pid " + worker.pid() + " up in ")
                    .contains("(listening on [" + port + "])");
            assertThat(report.isAlive()).isFalse();
        } finally {
            worker.handle().destroyForcibly();
            worker.onExit().join();
        }
    }

    /**
     * An application slower to listen than the report's patience (a large one in debug mode on a
     * busy machine): the front is told it does not serve, and then, once it listens, that it
     * serves, where it went on answering 503 until the next reload.
     */
    @Test
    void aWorkerListeningAfterTheReportGaveUpIsServedOnceItListens() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3");
        int port = freePort();
        Supplier<Set<Integer>> machine = () -> ListeningPorts.all().contains(port) ? Set.of(port) : Set.of();
        List<String> events = new CopyOnWriteArrayList<>();
        SupervisorExtension front = new SupervisorExtension() {
            @Override
            public void serving(Set<Integer> ports) {
                events.add("serving " + ports);
            }

            @Override
            public void notServing(String why) {
                events.add("not serving");
            }
        };
        AtomicInteger done = new AtomicInteger();
        long began = System.nanoTime();
        Worker worker = Worker.start(List.of("/usr/bin/python3", "-c", "import time; time.sleep(3)\n" + LISTENER,
                Integer.toString(port)), Map.of(), temp, new PrintStream(terminal), new PrintStream(terminal));
        try {
            ReadinessReport report = new ReadinessReport(new Console(new PrintStream(terminal, true, StandardCharsets.UTF_8)),
                    worker, Set.of(), Set.of(), List.of(), null, began, new ControlPorts(temp), false,
                    new ServingEvents(List.of(front)), Set.of()).machinePorts(machine).giveUpAfter(Duration.ofSeconds(1))
                    .whenDone(done::incrementAndGet);
            report.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> events.contains("serving [" + port + "]"));
            assertThat(events).containsExactly("not serving", "serving [" + port + "]");
            assertThat(done).as("the report's follow-up (a warm JVM) runs once, at the give-up").hasValue(1);
            assertThat(terminal.toString(StandardCharsets.UTF_8)).as("one line says it is up, once it is")
                    .containsOnlyOnce(" up in ").contains("runs but listens on no port after 1 s")
                    .contains("(listening on [" + port + "])");
            report.join(Duration.ofSeconds(10).toMillis());
            assertThat(report.isAlive()).isFalse();
        } finally {
            worker.handle().destroyForcibly();
            worker.onExit().join();
        }
    }

    /** The add-ons' ports (a debugger's) are respawn's: never named as the application's, never probed. */
    @Test
    void addOnPortsAreNotTheApplications() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3");
        int port = freePort();
        int addOn = freePort();
        Worker worker = Worker.start(List.of("/usr/bin/python3", "-c", "import socket, sys\n"
                + "a = socket.socket(); a.bind(('127.0.0.1', int(sys.argv[2]))); a.listen(1)\n" + LISTENER,
                Integer.toString(port), Integer.toString(addOn)), Map.of(), temp, new PrintStream(terminal),
                new PrintStream(terminal));
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> ListeningPorts.all().containsAll(Set.of(port, addOn)));
            List<ProcessHandle> tree = ProcessTree.of(worker.handle());
            assertThat(new ControlPorts(temp, () -> Set.of(addOn)).withoutControlPorts(ListeningPorts.ownedBy(tree), tree))
                    .containsExactly(port);
        } finally {
            worker.handle().destroyForcibly();
            worker.onExit().join();
        }
    }

    private ReadinessReport report(Worker worker, Set<Integer> before, long began) {
        return new ReadinessReport(new Console(new PrintStream(terminal, true, StandardCharsets.UTF_8)), worker, Set.of(),
                Set.of(), List.of(), null, began, new ControlPorts(temp), false, new ServingEvents(List.of()), before);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
