package dev.respawn.coverage.agent;

import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.respawn.reloader.context.TransformedClasses;

/**
 * Instruments the selected classes as they load, from the bytes the JVM read (registered before
 * any other transformer of ours changes a byte, so JaCoCo's class ids are the class files' own).
 * A class JaCoCo cannot instrument loads as it is, and is named once.
 *
 * <p>A hot swap's redefinition passes through here too, with the new class file's bytes: they are
 * instrumented by the same runtime, under the new class id JaCoCo gives a changed class, so the
 * swapped class goes on being counted and matches its class file in the report.
 */
final class CoverageTransformer implements ClassFileTransformer {

    private final ClassSelection selection;
    private final Supplier<CoverageRuntime> runtime;
    private final Consumer<String> say;
    private final Set<Path> roots = ConcurrentHashMap.newKeySet();
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private final TransformedClasses<byte[]> instrumented = new TransformedClasses<>();
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

    /**
     * @param runtime chosen on the first selected class, once every agent's premain has run
     * @param say takes one line for the terminal
     */
    CoverageTransformer(ClassSelection selection, Supplier<CoverageRuntime> runtime, Consumer<String> say) {
        this.selection = selection;
        this.runtime = runtime;
        this.say = say;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (classBeingRedefined != null && !ProbeArrays.renewedOnRedefinition(classfileBuffer)) {
            // The old probe array would stay in the class's static field, and the new code would
            // count into it at the old indexes. Left alone, the bytes lack JaCoCo's members, the
            // JVM refuses the redefinition, and respawn restarts instead.
            return null;
        }
        Path root = selection.select(loader, className, protectionDomain);
        if (root == null) {
            return null;
        }
        roots.add(root);
        try {
            if (classBeingRedefined != null || !folders.computeIfAbsent(root, Files::isDirectory)) {
                return runtime.get().instrument(className, classfileBuffer);
            }
            // A restart inside the JVM loads a class folder's class files again: the same bytes, the
            // same class id, the same probes, so JaCoCo's result for them is kept from the first life
            // (a jar's classes load once).
            return instrumented.transform(className, classfileBuffer, bytes -> {
                try {
                    return runtime.get().instrument(className, bytes);
                } catch (Exception e) {
                    throw new NotInstrumented(e);
                }
            });
        } catch (NotInstrumented e) {
            return skip(className, e.getCause());
        } catch (Exception | LinkageError e) {
            return skip(className, e);
        }
    }

    private byte[] skip(String className, Throwable e) {
        if (skipped.add(className)) {
            say.accept("coverage skips " + className.replace('/', '.') + ", which JaCoCo cannot instrument ("
                    + (e.getMessage() == null ? e.toString() : e.getMessage()) + "); it runs without coverage");
        }
        return null;
    }

    /** Instruments a few of respawn's classes with {@code runtime}, twice, and drops the result. */
    static void warmUp(CoverageRuntime runtime) {
        java.util.List<byte[]> files = dev.respawn.reloader.agent.AtGo.classFiles(CoverageTransformer.class,
                CoverageSession.class, CoverageAgent.class, ClassSelection.class, RuntimeChoice.class, OwnRuntime.class,
                ProbeArrays.class, ForeignJacocoAgent.class);
        TransformedClasses<byte[]> kept = new TransformedClasses<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < files.size(); i++) {
                kept.transform("warm-up/" + round + "/" + i, files.get(i), bytes -> {
                    try {
                        return runtime.instrument("warm-up", bytes);
                    } catch (Exception e) {
                        return null;
                    }
                });
            }
        }
    }

    /** JaCoCo's failure, carried out of the cache's function. */
    private static final class NotInstrumented extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotInstrumented(Exception cause) {
            super(cause);
        }
    }

    /** The class folders and jars instrumented classes came from so far. */
    Set<Path> roots() {
        return Set.copyOf(roots);
    }
}
