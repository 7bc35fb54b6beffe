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
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.respawn.reloader.ports.ListeningPorts;

/** The report of a new worker, against a real process that listens on a real port. */
class ReadinessReportTest {

    /** A worker that listens on the port given, on loopback, and waits to be stopped. */
    private static final String LISTENER = "import socket, sys, time\n"
            + "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
            + "s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(5); time.sleep(120)\n";

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
     * A worker that listens only after the report gave up on it (a large application on a loaded
     * machine, a breakpoint in its start) is still reported serving once it listens: the front,
     * told it does not serve, would otherwise answer 503 until the next reload.
     */
    @Test
    void aWorkerListeningAfterTheReportGaveUpIsStillReportedServing() throws Exception {
        assumeTrue(ListeningPorts.supported(), "/proc");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3");
        int port = freePort();
        Supplier<Set<Integer>> machine = () -> ListeningPorts.all().contains(port) ? Set.of(port) : Set.of();
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServingEvents events = new ServingEvents(List.of(new SupervisorExtension() {
            @Override
            public void serving(Set<Integer> ports) {
                said.add("serving " + ports);
            }

            @Override
            public void notServing(String why) {
                said.add("not serving");
            }
        }));
        long began = System.nanoTime();
        Worker worker = Worker.start(List.of("/usr/bin/python3", "-c", "import time; time.sleep(2)\n" + LISTENER,
                Integer.toString(port)), Map.of(), temp, new PrintStream(terminal), new PrintStream(terminal));
        try {
            ReadinessReport report = new ReadinessReport(new Console(new PrintStream(terminal, true, StandardCharsets.UTF_8)),
                    worker, Set.of(), Set.of(), List.of(), null, began, new ControlPorts(temp), false, events, Set.of())
                    .machinePorts(machine).giveUpAfter(Duration.ofMillis(300));
            report.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> said.contains("serving [" + port + "]"));
            assertThat(said).containsExactly("not serving", "serving [" + port + "]");
            assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("(listening on [" + port + "])");
            report.join(Duration.ofSeconds(10).toMillis());
            assertThat(report.isAlive()).isFalse();
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
