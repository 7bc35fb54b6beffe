package dev.respawn.reloader.hotswap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.respawn.reloader.tracking.ClassOrigin;

/**
 * Decides whether a burst of changes can be applied by redefining classes in place: only when
 * every changed file is the class file of a class the worker has loaded, and each new class file
 * has the same {@link ClassShape} as the one loaded. Anything else (a resource, a jar, a new or
 * deleted class, a new field or method, a changed annotation or static initializer) needs a
 * restart: when in doubt, restart.
 */
public final class HotSwapPlanner {

    private final Map<Path, byte[]> loaded = new ConcurrentHashMap<>();
    private final Map<Path, String> names = new ConcurrentHashMap<>();
    private final Set<Path> existing = ConcurrentHashMap.newKeySet();
    private final Set<Path> roots = ConcurrentHashMap.newKeySet();

    /**
     * Notes the class files a class folder holds as the worker starts: one changed later that the
     * worker has not loaded will be read as it is when it is needed, while one that is new is a
     * new class, which may need a framework's start-up (component scanning) to be seen.
     */
    public void classFolder(Path root) {
        roots.add(root);
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class")).forEach(existing::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            // A folder being rebuilt: what is not noted counts as new, which restarts: safe.
        }
    }

    /** Remembers the bytes of a class file the worker loaded, to compare its next version with. */
    public void loaded(ClassOrigin origin) {
        try {
            loaded.put(origin.location(), Files.readAllBytes(origin.location()));
            names.put(origin.location(), origin.className());
        } catch (IOException e) {
            loaded.remove(origin.location());
        }
    }

    /** A new worker process: it reports its class folders and what it loads anew. */
    public void forget() {
        loaded.clear();
        names.clear();
        existing.clear();
        roots.clear();
    }

    /**
     * The application restarted inside the same worker: it reports what it loads anew, but not
     * its class folders (the JVM's class path did not change), whose files are noted again now.
     */
    public void newLife() {
        loaded.clear();
        names.clear();
        existing.clear();
        roots.forEach(this::classFolder);
    }

    /**
     * The changed files worth naming on the terminal: a build rewrites every class file, most
     * with the same bytes the worker loaded. All of them when none differs.
     */
    public List<Path> differing(List<Path> changed) {
        List<Path> differing = new ArrayList<>();
        for (Path path : changed) {
            byte[] before = loaded.get(path);
            try {
                if (before == null || !Arrays.equals(before, Files.readAllBytes(path))) {
                    differing.add(path);
                }
            } catch (IOException e) {
                differing.add(path);
            }
        }
        return differing.isEmpty() ? changed : differing;
    }

    public Plan plan(List<Path> changed) {
        List<Redefinition> redefinitions = new ArrayList<>();
        for (Path path : changed) {
            String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
            if (!file.endsWith(".class")) {
                // Resources, jars, watched files: a restart is what anyone expects; nothing to explain.
                return Plan.restart("");
            }
            byte[] before = loaded.get(path);
            if (!Files.exists(path)) {
                return Plan.restart(file + " was deleted");
            }
            if (before == null) {
                if (existing.contains(path)) {
                    continue;
                }
                return Plan.restart(file + " is a new class");
            }
            byte[] after;
            try {
                after = Files.readAllBytes(path);
            } catch (IOException e) {
                return Plan.restart(file + " cannot be read (" + e.getMessage() + ")");
            }
            if (Arrays.equals(before, after)) {
                continue;
            }
            String difference;
            try {
                difference = ClassShape.of(before).differenceFrom(ClassShape.of(after));
            } catch (RuntimeException e) {
                return Plan.restart(file + " is not a class file respawn can read");
            }
            if (difference != null) {
                return Plan.restart(file + ": " + difference);
            }
            redefinitions.add(new Redefinition(names.get(path), path, after));
        }
        return new Plan(redefinitions, null);
    }

    /** The worker now runs these bytes. */
    public void swapped(Plan plan) {
        for (Redefinition redefinition : plan.redefinitions()) {
            loaded.put(redefinition.classFile(), redefinition.bytes());
        }
    }

    /**
     * Either the classes to redefine (maybe none: the files were rewritten unchanged), or why to
     * restart (blank when the reason goes without saying).
     */
    public record Plan(List<Redefinition> redefinitions, String restartReason) {

        static Plan restart(String reason) {
            return new Plan(List.of(), reason);
        }

        public boolean canHotSwap() {
            return restartReason == null;
        }

        /** Binary class name to new class file bytes. */
        public Map<String, byte[]> classes() {
            Map<String, byte[]> classes = new java.util.LinkedHashMap<>();
            redefinitions.forEach(r -> classes.put(r.className(), r.bytes()));
            return classes;
        }
    }

    /** One class to redefine. */
    public record Redefinition(String className, Path classFile, byte[] bytes) {
    }
}
