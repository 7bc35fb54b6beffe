package dev.respawn.reloader.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.respawn.reloader.changes.ChangeMonitor;
import dev.respawn.reloader.ports.ListeningPorts;

/**
 * Says on the terminal when a new worker is serving: once it listens on every port the worker
 * before it listened on (or, the first time, on any port), with the time since the change was
 * acted on. Ports that add-ons open before the application runs (the debugger's) do not count
 * for a first worker. It looks only while the worker starts, never while it runs: past its patience
 * it says the application does not serve yet, and goes on looking, less often, for a while longer,
 * so that a start slower than its patience (a large application in debug mode on a busy machine)
 * is still served once it listens.
 */
final class ReadinessReport extends Thread {

    private static final Duration FAST = Duration.ofMillis(10);
    private static final Duration SLOW = Duration.ofMillis(100);
    private static final Duration FAST_FOR = Duration.ofSeconds(3);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    /** After the give-up, how often and how much longer it looks (a worker that never listens is no server). */
    private static final Duration LATE = Duration.ofMillis(500);
    private static final Duration LATE_FOR = Duration.ofMinutes(10);

    private final Console console;
    private final Worker worker;
    private final Set<Integer> expected;
    private final Set<Integer> addOnPorts;
    private final List<Path> changed;
    private final String why;
    private final long beganNanos;
    private final ControlPorts controlPorts;
    private final boolean inJvm;
    private final ServingEvents events;
    private Runnable done = () -> { };
    private final Set<Integer> listeningBefore;
    private Supplier<Set<Integer>> machine = ListeningPorts::all;
    /** respawn.readiness.giveUpMillis: for tests of a slow start, which cannot wait a minute. */
    private Duration giveUp = Duration.ofMillis(Long.getLong("respawn.readiness.giveUpMillis", GIVE_UP.toMillis()));
    private boolean gaveUp;
    private boolean finished;
    private final long reloadsAtStart;

    /**
     * @param inJvm whether the application restarted inside the same worker, not as a new one
     * @param listeningBefore the machine's listening ports from before the application began to
     *     start ({@link ListeningPorts#all()} read before the worker is started, or before a
     *     restart inside it). Read as the report starts would be too late: a new life may already
     *     listen by then (a restart inside the JVM returns once it runs, a warm worker's
     *     application starts at once on go), where the old life listened on nothing (its main
     *     threw, it was still starting), and its port would count as old: the report would wait
     *     for another one for a minute.
     */
    ReadinessReport(Console console, Worker worker, Set<Integer> expected, Set<Integer> addOnPorts,
            List<Path> changed, String why, long beganNanos, ControlPorts controlPorts, boolean inJvm,
            ServingEvents events, Set<Integer> listeningBefore) {
        super("respawn-readiness");
        setDaemon(true);
        this.console = console;
        this.worker = worker;
        this.expected = expected;
        this.addOnPorts = Set.copyOf(addOnPorts);
        this.changed = changed;
        this.why = why;
        this.beganNanos = beganNanos;
        this.controlPorts = controlPorts;
        this.inJvm = inJvm;
        this.events = events;
        this.listeningBefore = Set.copyOf(listeningBefore);
        this.reloadsAtStart = events.reloads();
    }

    /** Where the machine's listening ports are read from ({@link ListeningPorts#all()}); a test's own view. */
    ReadinessReport machinePorts(Supplier<Set<Integer>> machine) {
        this.machine = machine;
        return this;
    }

    /** How long it waits before it says the application does not serve (60 s); a test's own. */
    ReadinessReport giveUpAfter(Duration patience) {
        this.giveUp = patience;
        return this;
    }

    /** Runs {@code action} once the report is said (or given up), on this thread. */
    ReadinessReport whenDone(Runnable action) {
        this.done = action;
        return this;
    }

    @Override
    public void run() {
        try {
            watch();
        } finally {
            finish();
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            done.run();
        }
    }

    private void watch() {
        if (!ListeningPorts.supported()) {
            say(Set.of());
            return;
        }
        Set<Integer> before = listeningBefore;
        // A life whose main threw is not waited for: the front shows its exception, and a port
        // that opens later belongs to the next reload, which has a report of its own.
        while (worker.isAlive() && !events.mainFailedSinceReload() && events.reloads() == reloadsAtStart) {
            long elapsed = System.nanoTime() - beganNanos;
            if (!maybeReady(before)) {
                if (!pause(elapsed)) {
                    return;
                }
                continue;
            }
            List<ProcessHandle> tree = ProcessTree.of(worker.handle());
            Set<Integer> listening = controlPorts.withoutControlPorts(ListeningPorts.ownedBy(tree), tree);
            boolean ready = expected.isEmpty() ? !addOnPorts.containsAll(listening) : listening.containsAll(expected);
            if (ready) {
                say(listening);
                events.serving(listening);
                return;
            }
            if (!pause(elapsed)) {
                return;
            }
        }
    }

    /**
     * A cheap look first (the machine's listening sockets, one file): only once the expected
     * ports, or any new port but an add-on's, listen is it worth reading the worker's file
     * descriptors, which a large application has hundreds of.
     */
    private boolean maybeReady(Set<Integer> before) {
        Set<Integer> listening = machine.get();
        if (!expected.isEmpty()) {
            return listening.containsAll(expected);
        }
        // An add-on's port (the debugger's listens from premain) is no sign of the application:
        // counted, it had the worker's file descriptors read every 10 ms for the rest of its start.
        for (int port : listening) {
            if (!before.contains(port) && !addOnPorts.contains(port)) {
                return true;
            }
        }
        return false;
    }

    private boolean pause(long elapsed) {
        if (!gaveUp && elapsed > giveUp.toNanos()) {
            gaveUp = true;
            sayNotYet();
            events.notServing("the application did not listen on a port within " + giveUp.toSeconds()
                    + " s; requests are forwarded once it does");
            finish();
        }
        if (gaveUp && elapsed > giveUp.plus(LATE_FOR).toNanos()) {
            return false;
        }
        try {
            Thread.sleep((gaveUp ? LATE : elapsed < FAST_FOR.toNanos() ? FAST : SLOW).toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Not "up" nor "restarted in": the line that says so comes once it listens. */
    private void sayNotYet() {
        String late = "listens on no port after " + giveUp.toSeconds() + " s; respawn goes on looking, and says when it does";
        if (changed.isEmpty()) {
            console.say(inJvm ? "the application restarted inside the JVM but " + late
                    : "worker pid " + worker.pid() + " runs but " + late);
        } else {
            console.say(ChangeMonitor.describe(changed) + " changed" + (why == null || why.isBlank() ? "" : " (" + why + ")")
                    + "; the new " + (inJvm ? "life" : "worker") + " " + late);
        }
    }

    private void say(Set<Integer> ports) {
        long millis = Duration.ofNanos(System.nanoTime() - beganNanos).toMillis();
        String where = ports.isEmpty() ? "" : " (listening on " + new TreeSet<>(ports) + ")";
        String restarted = inJvm ? "restarted inside the JVM in " : "restarted in ";
        if (changed.isEmpty()) {
            console.say(inJvm ? "application " + restarted + millis + " ms" + where
                    : "worker pid " + worker.pid() + " up in " + millis + " ms" + where);
        } else {
            console.say(ChangeMonitor.describe(changed) + " changed" + (why == null || why.isBlank() ? "" : " (" + why + ")")
                    + "; " + restarted + millis + " ms" + where);
        }
    }
}
