package dev.respawn.maven;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import dev.respawn.reloader.compile.CompileErrors;

/**
 * Compiles changed sources in the Maven JVM with {@code javax.tools}: into a scratch directory
 * first, so a source that does not compile leaves the output directory (and the worker) as it was.
 */
final class SourceCompiler {

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path output;
    private final Path scratch;
    private final List<String> options;
    private final PrintStream err;
    private int round;

    /**
     * @param output the project's output directory
     * @param scratch a directory of the build's own for the compiler's output
     * @param options javac's options but {@code -d}: classpath, release, encoding, -g, -parameters
     */
    SourceCompiler(Path output, Path scratch, List<String> options, PrintStream err) {
        this.output = output;
        this.scratch = scratch;
        this.options = List.copyOf(options);
        this.err = err;
    }

    boolean available() {
        return javac != null;
    }

    /**
     * Compiles {@code sources} (each with its source root, for its package) into the output directory.
     *
     * @return whether they compiled; if not, each error was printed as {@code file:line: message}
     */
    boolean compile(Collection<SourceFile> sources) {
        Path classes = scratch.resolve("classes-" + (++round));
        Path generated = scratch.resolve("generated-" + round);
        try {
            Files.createDirectories(classes);
            Files.createDirectories(generated);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean compiled;
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> arguments = new ArrayList<>(options);
                arguments.addAll(List.of("-d", classes.toString(), "-s", generated.toString()));
                compiled = javac.getTask(null, files, diagnostics, arguments, null,
                        files.getJavaFileObjectsFromPaths(sources.stream().map(SourceFile::path).toList())).call();
            }
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(describe(diagnostic));
                    err.println(describe(diagnostic));
                }
            }
            if (!compiled) {
                err.println("respawn: " + names(sources) + " did not compile; the worker keeps the classes it has");
                // The front (--front-port) shows them to the client until the sources compile.
                CompileErrors.failed(scratch, errors);
                return false;
            }
            CompileErrors.cleared(scratch);
            for (SourceFile source : sources) {
                source.deleteClasses(output);
            }
            moveAll(classes, output);
            return true;
        } catch (IOException e) {
            err.println("respawn: could not compile " + names(sources) + ": " + e.getMessage());
            return false;
        } finally {
            deleteTree(classes);
            deleteTree(generated);
        }
    }

    /** Compiles a one-line class out of the way, so that javac is loaded before the first save. */
    void warmUp() {
        Path root = scratch.resolve("warm-up");
        try {
            Path source = root.resolve("RespawnWarmUp.java");
            Files.createDirectories(root);
            Files.writeString(source, "final class RespawnWarmUp {}\n");
            try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
                List<String> arguments = new ArrayList<>(options);
                arguments.addAll(List.of("-d", root.toString(), "-proc:none"));
                javac.getTask(null, files, diagnostic -> { }, arguments, null,
                        files.getJavaFileObjects(source)).call();
            }
        } catch (IOException | RuntimeException e) {
            // Only a head start: the first real compile loads javac itself.
        } finally {
            deleteTree(root);
        }
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String file = diagnostic.getSource() == null ? "javac" : Path.of(diagnostic.getSource().toUri()).toString();
        String message = diagnostic.getMessage(Locale.ROOT).replaceAll("\\s*\\R\\s*", " ").trim();
        return file + ":" + diagnostic.getLineNumber() + ": " + message;
    }

    private static String names(Collection<SourceFile> sources) {
        return String.join(", ", sources.stream().map(source -> source.path().getFileName().toString()).toList());
    }

    private static void moveAll(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
