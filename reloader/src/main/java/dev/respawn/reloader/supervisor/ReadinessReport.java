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
 * for a first worker. It looks only while the worker starts, never while it runs. Past a minute it
 * tells the front the application does not serve, and goes on looking, once a second, until it
 * listens, the worker ends, or a newer life has a report of its own: an application that starts
 * slowly (a large one on a loaded machine, a breakpoint in its start) is served once it listens.
 */
final class ReadinessReport extends Thread {

    private static final Duration FAST = Duration.ofMillis(10);
    private static final Duration SLOW = Duration.ofMillis(100);
    private static final Duration FAST_FOR = Duration.ofSeconds(3);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final Duration AFTER_GIVING_UP = Duration.ofSeconds(1);

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
    private final long report;

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
        this.report = events.reportBegins();
    }

    /** Where the machine's listening ports are read from ({@link ListeningPorts#all()}); a test's own view. */
    ReadinessReport machinePorts(Supplier<Set<Integer>> machine) {
        this.machine = machine;
        return this;
    }

    /** How long to look before telling the front that the application does not serve (60 s); a test's own bound. */
    ReadinessReport giveUpAfter(Duration giveUp) {
        this.giveUp = giveUp;
        return this;
    }

    /** Runs {@code action} once the report is said (or given up on), on this thread. */
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

    /** Runs the action given to {@link #whenDone} once: at the report, or when it gave up (it looks on after). */
    private void finish() {
        Runnable action = done;
        done = () -> { };
        action.run();
    }

    private void watch() {
        if (!ListeningPorts.supported()) {
            say(Set.of());
            return;
        }
        Set<Integer> before = listeningBefore;
        // A life whose main threw is not waited for: the front shows its exception, and a port
        // that opens later belongs to the next reload, which has a report of its own.
        while (worker.isAlive() && !events.mainFailedSinceReload()) {
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
     * ports, or any new port, listen is it worth reading the worker's file descriptors, which a
     * large application has hundreds of.
     */
    private boolean maybeReady(Set<Integer> before) {
        Set<Integer> listening = machine.get();
        if (!expected.isEmpty()) {
            return listening.containsAll(expected);
        }
        return !before.containsAll(listening);
    }

    private boolean pause(long elapsed) {
        if (!gaveUp && elapsed > giveUp.toNanos()) {
            gaveUp = true;
            say(Set.of());
            events.notServing("the application did not listen on a port within " + giveUp.toSeconds() + " s;"
                    + " it is served once it does");
            finish();
        }
        if (gaveUp && !events.latestReport(report)) {
            return false;
        }
        try {
            Thread.sleep((gaveUp ? AFTER_GIVING_UP : elapsed < FAST_FOR.toNanos() ? FAST : SLOW).toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
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
