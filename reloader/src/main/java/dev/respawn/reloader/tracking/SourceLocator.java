package dev.respawn.reloader.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the source file of a class from a class folder: the class's SourceFile attribute and
 * package, looked up under {@code --source-path} and then under the folders guessed from the
 * class folder's own layout (Maven's {@code target/classes}, Gradle's {@code build/classes/java/main}).
 */
public final class SourceLocator {

    private static final List<String> LANGUAGES = List.of("java", "kotlin", "scala", "groovy");

    private final List<Path> sourcePath;

    public SourceLocator(List<Path> sourcePath) {
        this.sourcePath = List.copyOf(sourcePath);
    }

    /**
     * The source file of {@code internalName} (slashes) whose SourceFile attribute is
     * {@code sourceFileName} (may be null), loaded from {@code classRoot}.
     */
    public Optional<Path> locate(Path classRoot, String internalName, String sourceFileName) {
        String fileName = sourceFileName != null ? sourceFileName : guessFileName(internalName);
        int slash = internalName.lastIndexOf('/');
        String packagePath = slash < 0 ? "" : internalName.substring(0, slash + 1);
        String relative = packagePath + fileName;
        for (Path root : candidateRoots(classRoot)) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The source folders tried for classes from {@code classRoot}, most specific first. */
    public List<Path> candidateRoots(Path classRoot) {
        List<Path> roots = new ArrayList<>(sourcePath);
        roots.addAll(guessedRoots(classRoot));
        return roots;
    }

    /**
     * The folder of Java sources whose classes go to {@code classRoot}, when the layout says:
     * {@code src/main/java} for Maven's and Gradle's class folders, {@code src} for a plain
     * {@code bin}, {@code out} or {@code classes} beside it (when it holds no {@code main} folder).
     */
    public static Optional<Path> javaRoot(Path classRoot) {
        List<Path> guesses = guessedRoots(classRoot);
        if (guesses.isEmpty()) {
            return Optional.empty();
        }
        Path java = guesses.get(0);
        if (Files.isDirectory(java)) {
            return Optional.of(java);
        }
        Path plain = guesses.get(guesses.size() - 1);
        return Files.isDirectory(plain) && !Files.exists(java.getParent()) ? Optional.of(plain) : Optional.empty();
    }

    static List<Path> guessedRoots(Path classRoot) {
        Path root = classRoot.toAbsolutePath().normalize();
        List<Path> guesses = new ArrayList<>();
        Path name = root.getFileName();
        Path parent = root.getParent();
        if (name == null || parent == null) {
            return guesses;
        }
        String folder = name.toString();
        String set = null;
        Path project = null;
        if (parent.getFileName() != null && parent.getFileName().toString().equals("target")) {
            // Maven: target/classes -> src/main, target/test-classes -> src/test
            set = folder.equals("test-classes") ? "test" : folder.equals("classes") ? "main" : null;
            project = parent.getParent();
        } else if (parent.getParent() != null && parent.getParent().getFileName() != null
                && parent.getParent().getFileName().toString().equals("classes")) {
            // Gradle: build/classes/<language>/<set>
            set = folder;
            project = parent.getParent().getParent() == null ? null : parent.getParent().getParent().getParent();
        } else if (folder.equals("bin") || folder.equals("out") || folder.equals("classes")) {
            project = parent;
            set = "main";
        }
        if (project == null || set == null) {
            return guesses;
        }
        for (String language : LANGUAGES) {
            guesses.add(project.resolve("src").resolve(set).resolve(language));
        }
        guesses.add(project.resolve("src"));
        return guesses;
    }

    private static String guessFileName(String internalName) {
        String simple = internalName.substring(internalName.lastIndexOf('/') + 1);
        int dollar = simple.indexOf('$');
        return (dollar > 0 ? simple.substring(0, dollar) : simple) + ".java";
    }
}
