package dev.respawn.reloader.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.respawn.reloader.changes.ChangeMonitor;
import dev.respawn.reloader.channel.ReportServer;
import dev.respawn.reloader.hotswap.HotSwapPlanner;
import dev.respawn.reloader.tracking.ClassOrigin;

/**
 * Applies a settled burst of changes to the running worker in place when it can: plans with
 * {@link HotSwapPlanner}, asks the worker's agent to redefine the classes, and otherwise tells
 * the supervisor to restart, and why.
 */
final class HotSwapper {

    /** How long a worker's agent may take to answer before respawn restarts instead. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final HotSwapPlanner planner = new HotSwapPlanner();
    private final ReportServer reports;
    private final List<SupervisorExtension> extensions;
    private final Console console;
    private boolean vetoSaid;

    HotSwapper(ReportServer reports, List<SupervisorExtension> extensions, Console console) {
        this.reports = reports;
        this.extensions = extensions;
        this.console = console;
    }

    /** The worker loaded this class: its bytes are what a new version is compared with. */
    void loaded(ClassOrigin origin) {
        planner.loaded(origin);
    }

    void classFolder(Path root) {
        planner.classFolder(root);
    }

    /** A new worker process: it reports what it loads anew. */
    void forget() {
        planner.forget();
    }

    /** The application restarted inside its worker: it reports what it loads anew. */
    void newLife() {
        planner.newLife();
    }

    /**
     * Whether every changed file is a class file with the bytes the worker runs (a build's second
     * write of a file, or a class folder read anew for a restart under way): nothing to reload,
     * which it says on the terminal.
     */
    boolean unchanged(List<Path> changed) {
        HotSwapPlanner.Plan plan = planner.plan(changed);
        boolean same = plan.canHotSwap() && plan.redefinitions().isEmpty();
        if (same) {
            console.say(ChangeMonitor.describe(changed) + " rewritten with the same bytes; nothing to reload");
        }
        return same;
    }

    /** Of the changed files, those whose bytes differ from what the worker loaded. */
    List<Path> differing(List<Path> changed) {
        return planner.differing(changed);
    }

    /**
     * Swaps the changes into {@code worker} in place.
     *
     * @return empty when done (or nothing needed doing), else why a restart is needed instead
     *         (blank when the reason goes without saying)
     */
    Optional<String> apply(Worker worker, List<Path> changed) {
        Optional<String> veto = extensions.stream().map(SupervisorExtension::hotSwapVeto)
                .flatMap(Optional::stream).findFirst();
        if (veto.isPresent()) {
            // Said once, on the first restart it causes.
            String why = vetoSaid ? "" : veto.get();
            vetoSaid = true;
            return Optional.of(why);
        }
        long began = System.nanoTime();
        HotSwapPlanner.Plan plan = planner.plan(changed);
        if (!plan.canHotSwap()) {
            return Optional.of(plan.restartReason());
        }
        if (worker == null || !worker.isAlive()) {
            return Optional.of("");
        }
        if (plan.redefinitions().isEmpty()) {
            console.say(ChangeMonitor.describe(changed) + " rewritten with the same bytes; nothing to reload");
            return Optional.empty();
        }
        Optional<String> refused = reports.link(worker.pid())
                .map(link -> AgentAnswers.await(link.redefine(plan.classes()), PATIENCE))
                .orElse(Optional.of("the worker's agent is not connected"));
        if (refused.isPresent()) {
            return Optional.of("the hot swap failed: " + refused.get());
        }
        planner.swapped(plan);
        List<Path> swapped = plan.redefinitions().stream().map(HotSwapPlanner.Redefinition::classFile).toList();
        console.say(ChangeMonitor.describe(swapped) + " changed; hot-swapped in "
                + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms (no restart)");
        return Optional.empty();
    }
}
