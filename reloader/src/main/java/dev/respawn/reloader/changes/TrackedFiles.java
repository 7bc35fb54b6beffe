package dev.respawn.reloader.changes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.respawn.reloader.tracking.BuildOutput;
import dev.respawn.reloader.tracking.ClassOrigin;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import dev.respawn.reloader.watch.FileChange;

/**
 * What the workers have loaded, as the supervisor knows it: class folders, jars, the class files
 * and source files of loaded classes, and the user's {@code --watch} paths. It decides what a
 * change means and whether the class tree is complete enough to restart into.
 */
final class TrackedFiles {

    private final Set<Path> classRoots = ConcurrentHashMap.newKeySet();
    private final Set<Path> jars = ConcurrentHashMap.newKeySet();
    /** The jars a build of the application's project packs ({@code target/app.jar}), as its build output shows. */
    private final Set<Path> packedJars = ConcurrentHashMap.newKeySet();
    private final BuildOutput buildOutput = new BuildOutput();
    private final Set<Path> sourceRoots = ConcurrentHashMap.newKeySet();
    private final Set<Path> watched = ConcurrentHashMap.newKeySet();
    private final Map<Path, ClassOrigin> classes = new ConcurrentHashMap<>();
    private final Excludes excludes;

    TrackedFiles(Excludes excludes) {
        this.excludes = excludes;
    }

    /** True when the root is new. */
    boolean addClassRoot(Path root) {
        return classRoots.add(root);
    }

    boolean addJar(Path jar) {
        if (!jars.add(jar)) {
            return false;
        }
        if (!buildOutput.classFolders(jar).isEmpty()) {
            packedJars.add(jar);
        }
        return true;
    }

    boolean addSourceRoot(Path root) {
        return sourceRoots.add(root);
    }

    void addWatched(Path path) {
        watched.add(path.toAbsolutePath().normalize());
    }

    /**
     * The class folders, the watched paths and the jars in a build's output: what a build of the
     * application's project writes. An executable jar ({@code java -jar target/app.jar}) has no class
     * folder, and {@code mvn package} writes it twice (the jar plugin's, then Spring Boot's repackaged
     * one), the first time as no application that can start.
     */
    List<Path> folders() {
        List<Path> folders = new ArrayList<>(classRoots);
        folders.addAll(watched);
        folders.addAll(packedJars);
        return folders;
    }

    void addClass(ClassOrigin origin) {
        classes.put(origin.location(), origin);
    }

    ChangeKind classify(FileChange change) {
        Path path = change.path();
        Path root = change.root();
        if (excludes.excluded(root, path)) {
            return ChangeKind.IGNORED;
        }
        if (jars.contains(path)) {
            return ChangeKind.JAR;
        }
        if (watched.contains(root)) {
            return ChangeKind.WATCHED;
        }
        if (classRoots.contains(root)) {
            return Files.isDirectory(path) && change.kind() != FileChange.Kind.DELETED
                    && change.kind() != FileChange.Kind.OVERFLOW && !path.equals(root)
                    ? ChangeKind.IGNORED : ChangeKind.CLASS;
        }
        if (sourceRoots.contains(root) && isSource(path)) {
            return ChangeKind.SOURCE;
        }
        return ChangeKind.IGNORED;
    }

    /** A source file, not an editor's or a tool's scratch file beside it. */
    private static boolean isSource(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".kt") || name.endsWith(".scala") || name.endsWith(".groovy");
    }

    /**
     * Class files of loaded classes that are missing while their source still exists (or is
     * unknown): a build is under way and the tree is not complete. A class whose source was
     * deleted too is gone on purpose and not waited for, nor a nested class ({@code Outer$1})
     * that its outer class, written again, no longer names. Generated top-level classes whose
     * names begin with a {@code $} (Micronaut's bean definitions) are top-level classes.
     */
    List<Path> missingClassFiles() {
        List<Path> missing = new ArrayList<>();
        for (ClassOrigin origin : classes.values()) {
            if (Files.exists(origin.location()) || !origin.sourceFile().map(Files::exists).orElse(true)) {
                continue;
            }
            if (stillNamedByOuter(origin)) {
                missing.add(origin.location());
            }
        }
        for (Path root : classRoots) {
            if (!Files.isDirectory(root)) {
                missing.add(root);
            }
        }
        return missing;
    }

    /**
     * Changed class files that a compiler is still writing: present but not yet a whole class
     * (javac and Maven write many files, and may pause longer than the quiet period between two).
     */
    static List<Path> halfWritten(List<Path> changed) {
        List<Path> partial = new ArrayList<>();
        for (Path path : changed) {
            if (path.getFileName() == null || !path.getFileName().toString().endsWith(".class")) {
                continue;
            }
            try {
                new ClassReader(Files.readAllBytes(path)).accept(new ClassVisitor(Opcodes.ASM9) {
                }, 0);
            } catch (IOException e) {
                // Gone again: the missing class files say whether that matters.
            } catch (RuntimeException e) {
                partial.add(path);
            }
        }
        return partial;
    }

    /**
     * Class files a compiler has still to write for the changed ones: loaded classes of the same
     * class folder whose file lacks a field or method that a changed class file uses. javac writes
     * a source's nested classes before its top-level class, and on a busy machine may pause longer
     * than the quiet period in between; a hot swap of the nested classes alone would serve code
     * naming members the loaded class lacks ({@code NoSuchFieldError}), and then reload again. A
     * compiler that leaves unchanged class files alone (Eclipse's) is never waited for: what the
     * changed classes use is there (members inherited from a jar's class are taken to be).
     */
    List<Path> notYetWritten(List<Path> changed) {
        Set<Path> waiting = new LinkedHashSet<>();
        // Each owner's class file (and its supertypes') read once, however many changed classes use it.
        Map<Path, Optional<Set<String>>> declared = new HashMap<>();
        for (Path path : changed) {
            ClassOrigin origin = classes.get(path);
            if (origin == null || !origin.fromDirectory()) {
                continue;
            }
            MemberUses.of(path).forEach((owner, members) -> {
                Path file = origin.root().resolve(owner + ".class");
                if (!file.equals(path) && classes.containsKey(file) && !waiting.contains(file)
                        && !declared.computeIfAbsent(file, absent -> MemberUses.declared(origin.root(), owner))
                                .map(has -> has.containsAll(members)).orElse(true)) {
                    waiting.add(file);
                }
            });
        }
        return List.copyOf(waiting);
    }

    /**
     * For a nested class, whether its outer class, written again, still names it (an outer class
     * that is missing is waited for itself); true for a top-level class, and for a class whose
     * "outer" class was never loaded (a generated name with a {@code $} in it).
     */
    private boolean stillNamedByOuter(ClassOrigin origin) {
        String internal = origin.className().replace('.', '/');
        int slash = internal.lastIndexOf('/');
        int dollar = internal.indexOf('$', slash + 2);
        if (dollar < 0) {
            return true;
        }
        Path outer = origin.root().resolve(internal.substring(0, dollar) + ".class");
        if (!Files.exists(outer)) {
            return !classes.containsKey(outer);
        }
        try {
            byte[] bytes = Files.readAllBytes(outer);
            return new String(bytes, StandardCharsets.ISO_8859_1).contains(internal);
        } catch (IOException e) {
            return true;
        }
    }
}
