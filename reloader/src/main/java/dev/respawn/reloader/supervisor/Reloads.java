package dev.respawn.reloader.supervisor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.respawn.reloader.options.ReloadMode;
import dev.respawn.reloader.ports.ListeningPorts;

/**
 * Applies a settled burst of changes the fastest safe way the reload mode allows: a hot swap where
 * only method bodies changed, else a restart inside the worker JVM where the application stops
 * cleanly, else a new worker process. Runs on the supervisor's control thread.
 */
final class Reloads {

    /** The last resort: a new worker process. */
    @FunctionalInterface
    interface ProcessRestart {

        /** @param began {@link System#nanoTime()} when the reload began, failed attempts included */
        void restart(List<Path> changed, String why, long began);
    }

    private final ReloadMode mode;
    private final HotSwapper hotSwapper;
    private final InJvmRestarts inJvm;
    private final ControlPorts controlPorts;
    private final Console console;
    private final Supplier<Worker> current;
    private final ProcessRestart processRestart;
    private final ServingEvents events;

    Reloads(ReloadMode mode, HotSwapper hotSwapper, InJvmRestarts inJvm, ControlPorts controlPorts, Console console,
            Supplier<Worker> current, ProcessRestart processRestart, ServingEvents events) {
        this.mode = mode;
        this.hotSwapper = hotSwapper;
        this.inJvm = inJvm;
        this.controlPorts = controlPorts;
        this.console = console;
        this.current = current;
        this.processRestart = processRestart;
        this.events = events;
    }

    /** Applies a burst of changed files. */
    void apply(List<Path> burst) {
        long began = System.nanoTime();
        List<Path> changed = hotSwapper.differing(burst);
        Worker worker = current.get();
        // A worker that ended (its main threw, its port was taken) is started again on any change,
        // the same bytes included: what made it fail may be gone.
        if ((mode == ReloadMode.AUTO || mode == ReloadMode.HOTSWAP) && worker != null && worker.isAlive()
                && hotSwapper.unchanged(changed)) {
            // Not a reload: one begun here would end the report of a restart under way (the
            // second write of the file that caused it), and the front would hold for nothing.
            return;
        }
        events.reloading();
        switch (mode) {
            case RESTART -> processRestart.restart(changed, null, began);
            case IN_JVM -> restartAnyhow(changed, null, began);
            default -> hotSwapper.apply(current.get(), changed).ifPresentOrElse(why -> restartAnyhow(changed, why, began),
                    () -> events.serving(Set.of()));
        }
    }

    /** Restarts whatever changed: inside the JVM where the mode and the change allow, else the process. */
    void restartAnyhow(List<Path> changed, String why, long began) {
        events.reloading();
        boolean inPlace = mode == ReloadMode.AUTO || mode == ReloadMode.IN_JVM;
        // A jar's classes live in the JVM's own class loader, which only a new JVM replaces.
        boolean jarChanged = changed.stream().anyMatch(Reloads::isJar);
        if (!inPlace || jarChanged) {
            processRestart.restart(changed, why, began);
            return;
        }
        Optional<String> failed = restartInJvm(changed, why, began);
        if (failed.isPresent()) {
            // The line then says the way taken and why: the time counts the failed attempt too.
            String notInside = "not inside the JVM: " + failed.get();
            processRestart.restart(changed, why == null || why.isBlank() ? notInside : why + "; " + notInside, began);
        }
    }

    private static boolean isJar(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".zip");
    }

    private Optional<String> restartInJvm(List<Path> changed, String why, long began) {
        Worker worker = current.get();
        if (worker == null || !worker.isAlive()) {
            return Optional.of("no worker runs");
        }
        List<ProcessHandle> tree = ProcessTree.of(worker.handle());
        Set<Integer> ports = controlPorts.withoutControlPorts(ListeningPorts.ownedBy(tree), tree);
        Set<Integer> listeningBefore = ListeningPorts.all();
        // The new life reports its classes anew; what the old one loaded no longer counts.
        hotSwapper.newLife();
        events.beforeStop();
        Optional<String> failed = inJvm.restart(worker);
        if (failed.isPresent()) {
            return failed;
        }
        new ReadinessReport(console, worker, ports, Set.of(), changed, why, began, controlPorts, true, events,
                listeningBefore).start();
        return Optional.empty();
    }
}
