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

    private final Instrumentation instrumentation;
    private final Optional<Restarter> restarter;

    /** @param restarter when restarts happen in the JVM: which of several same-named classes is the running life's */
    ClassRedefiner(Instrumentation instrumentation, Optional<Restarter> restarter) {
        this.instrumentation = instrumentation;
        this.restarter = restarter;
    }

    @Override
    public Optional<String> redefine(Map<String, byte[]> classes) {
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
            instrumentation.redefineClasses(definitions.toArray(ClassDefinition[]::new));
            return Optional.empty();
        } catch (ClassNotFoundException | java.lang.instrument.UnmodifiableClassException
                | UnsupportedOperationException | LinkageError e) {
            return Optional.of("the JVM refused: " + e);
        }
    }
}
