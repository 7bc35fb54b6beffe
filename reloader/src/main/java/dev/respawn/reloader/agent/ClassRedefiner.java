package dev.respawn.reloader.agent;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import dev.respawn.reloader.channel.Redefiner;
import dev.respawn.reloader.restart.Restarter;

/** Redefines the application's loaded classes in place, all in one call, for a hot swap. */
final class ClassRedefiner implements Redefiner {

    /** With {@code -Drespawn.trace=true} on the worker's command: where a hot swap spends its time. */
    private static final boolean TRACE = Boolean.getBoolean("respawn.trace");

    private final Instrumentation instrumentation;
    private final Optional<Restarter> restarter;

    /** @param restarter when restarts happen in the JVM: which of several same-named classes is the running life's */
    ClassRedefiner(Instrumentation instrumentation, Optional<Restarter> restarter) {
        this.instrumentation = instrumentation;
        this.restarter = restarter;
    }

    @Override
    public Optional<String> redefine(Map<String, byte[]> classes) {
        long began = System.nanoTime();
        List<ClassDefinition> definitions = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            byte[] bytes = classes.get(loaded.getName());
            if (bytes != null && loaded.getClassLoader() != null && instrumentation.isModifiableClass(loaded)
                    && restarter.map(r -> r.isCurrent(loaded)).orElse(true)) {
                definitions.add(new ClassDefinition(loaded, bytes));
                found.add(loaded.getName());
            }
        }
        if (found.size() != classes.size()) {
            Set<String> missing = new TreeSet<>(classes.keySet());
            missing.removeAll(found);
            return Optional.of("not loaded in the worker: " + String.join(", ", missing));
        }
        try {
            long foundAt = System.nanoTime();
            long cpu = threadCpuNanos();
            instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            if (TRACE) {
                // The add-ons' transformers and the new bytes' parsing run on this thread (its CPU
                // time); the redefinition itself on the JVM's VM thread, at a safepoint.
                System.err.printf("respawn: trace: hot swap, classes found +%d ms, redefined +%d ms "
                        + "(transformers and parsing: %d ms of this thread's CPU)%n", millis(foundAt - began),
                        millis(System.nanoTime() - began), millis(threadCpuNanos() - cpu));
            }
            return Optional.empty();
        } catch (ClassNotFoundException | java.lang.instrument.UnmodifiableClassException
                | UnsupportedOperationException | LinkageError e) {
            return Optional.of("the JVM refused: " + e);
        }
    }

    private static long threadCpuNanos() {
        return TRACE ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : 0;
    }

    private static long millis(long nanos) {
        return java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
