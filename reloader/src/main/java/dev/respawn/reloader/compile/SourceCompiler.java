package dev.respawn.reloader.compile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles saved sources with {@code javax.tools} into a class folder: into a scratch directory
 * first, so a source that does not compile leaves the class folder (and the running code) as it
 * was; then only the class files whose bytes differ are written, so a class file an IDE already
 * wrote the same is not touched again.
 */
public final class SourceCompiler implements java.io.Closeable {

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path scratch;
    private final PrintStream err;
    /** Kept from one compile to the next: it has read the JDK's and the jars' indexes once. */
    private StandardJavaFileManager files;
    private List<String> filesOptions;
    private long filesJars;

    /**
     * @param scratch a directory of the tool's own for the compiler's output
     * @param err where compile errors go, one {@code file:line: message} each
     */
    public SourceCompiler(Path scratch, PrintStream err) {
        if (scratch == null || err == null) {
            throw new IllegalArgumentException("'scratch' and 'err' must not be null");
        }
        this.scratch = scratch.toAbsolutePath().normalize();
        this.err = err;
    }

    /** Where the compiler writes before the class folder: a source there is none of the application's. */
    Path scratch() {
        return scratch;
    }

    /** False on a JRE, which has no javac. */
    public boolean available() {
        return javac != null;
    }

    /**
     * Compiles {@code sources} (each with its source root, for its package) into {@code output}.
     *
     * @param options javac's options but {@code -d}: classpath, release, encoding, -g, -parameters
     * @return whether they compiled; if not, each error was printed as {@code file:line: message}
     */
    public synchronized boolean compile(Collection<SourceFile> sources, Path output, List<String> options) {
        Path classes = null;
        Path generated = null;
        try {
            Files.createDirectories(scratch);
            classes = Files.createTempDirectory(scratch, "classes-");
            generated = Files.createTempDirectory(scratch, "generated-");
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StandardJavaFileManager files = fileManager(options);
            List<String> arguments = new ArrayList<>(options);
            arguments.addAll(List.of("-d", classes.toString(), "-s", generated.toString()));
            boolean compiled = javac.getTask(null, files, diagnostics, arguments, null,
                    files.getJavaFileObjectsFromPaths(sources.stream().map(SourceFile::path).toList())).call();
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
            Set<Path> stale = new HashSet<>();
            for (SourceFile source : sources) {
                stale.addAll(source.classesIn(output));
            }
            stale.removeAll(moveChanged(classes, output));
            for (Path gone : stale) {
                Files.deleteIfExists(gone);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("respawn: could not compile " + names(sources) + ": " + e.getMessage());
            return false;
        } finally {
            deleteQuietly(classes);
            deleteQuietly(generated);
        }
    }

    /**
     * Compiles {@code samples} (some of the application's own sources), or a small class of its
     * own when there are none, out of the way with {@code options}: javac is loaded and has read
     * the class path before the first save (and, after a few rounds, runs JIT-compiled code).
     */
    public synchronized void warmUp(List<String> options, List<Path> samples) {
        Path root = null;
        try {
            Files.createDirectories(scratch);
            root = Files.createTempDirectory(scratch, "warm-up-");
            List<Path> sources = samples;
            if (sources.isEmpty()) {
                Path source = root.resolve("RespawnWarmUp.java");
                Files.writeString(source, "final class RespawnWarmUp {\n"
                        + "    String text(java.util.List<String> words) { return \"\" + words.size() + words; }\n"
                        + "    Runnable task = () -> System.out.println(new StringBuilder(\"x\").append(1));\n}\n");
                sources = List.of(source);
            }
            StandardJavaFileManager files = fileManager(options);
            List<String> arguments = new ArrayList<>(options);
            arguments.addAll(List.of("-d", root.toString()));
            if (arguments.stream().noneMatch(argument -> argument.startsWith("-proc:"))) {
                arguments.add("-proc:none");
            }
            javac.getTask(null, files, diagnostic -> { }, arguments, null, files.getJavaFileObjectsFromPaths(sources)).call();
        } catch (IOException | RuntimeException e) {
            // Only a head start: the first real compile loads javac itself.
        } finally {
            deleteQuietly(root);
        }
    }

    /** Lets go of the jars the kept file manager holds open. */
    @Override
    public synchronized void close() {
        if (files != null) {
            try {
                files.close();
            } catch (IOException e) {
                // Only open files to release.
            }
            files = null;
        }
    }

    /** The kept file manager, made anew when the options or a jar on the class path changed. */
    private StandardJavaFileManager fileManager(List<String> options) throws IOException {
        long jars = jarsStamp(options);
        if (files == null || !options.equals(filesOptions) || jars != filesJars) {
            if (files != null) {
                files.close();
            }
            files = javac.getStandardFileManager(null, Locale.ROOT, null);
            filesOptions = List.copyOf(options);
            filesJars = jars;
        }
        return files;
    }

    /** The sizes and times of the class path's jars: a rebuilt jar has other classes than the file manager read. */
    private static long jarsStamp(List<String> options) {
        int at = Math.max(options.indexOf("-classpath"), Math.max(options.indexOf("-cp"), options.indexOf("--class-path")));
        if (at < 0 || at + 1 >= options.size()) {
            return 0;
        }
        long stamp = 0;
        for (String entry : options.get(at + 1).split(java.io.File.pathSeparator)) {
            try {
                Path path = Path.of(entry);
                if (Files.isRegularFile(path)) {
                    stamp = stamp * 31 + Files.getLastModifiedTime(path).toMillis() * 17 + Files.size(path);
                }
            } catch (IOException | RuntimeException e) {
                stamp = stamp * 31 + 1;
            }
        }
        return stamp;
    }

    private static String describe(Diagnostic<? extends JavaFileObject> diagnostic) {
        String message = diagnostic.getMessage(Locale.ROOT).replaceAll("\\s*\\R\\s*", " ").trim();
        if (diagnostic.getSource() == null || diagnostic.getLineNumber() == Diagnostic.NOPOS) {
            return "respawn: javac: " + message;
        }
        return Path.of(diagnostic.getSource().toUri()) + ":" + diagnostic.getLineNumber() + ": " + message;
    }

    private static String names(Collection<SourceFile> sources) {
        return String.join(", ", sources.stream().map(source -> source.path().getFileName().toString()).toList());
    }

    /**
     * Moves every compiled file to its place in {@code to}, but leaves one whose bytes are already
     * there alone (no second change for the reloader to see); returns every place a file belongs.
     */
    private static Set<Path> moveChanged(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        Set<Path> targets = new HashSet<>();
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            targets.add(target);
            if (Files.isRegularFile(target) && Files.size(target) == Files.size(file)
                    && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(file))) {
                continue;
            }
            Files.createDirectories(target.getParent());
            // A rename: the reloader never reads a half-written class file.
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return targets;
    }

    private static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (UncheckedIOException e) {
            // Scratch left behind is the next compile's to ignore.
        }
    }

    /** Deletes {@code root} and all below it; nothing when it is null or missing. */
    public static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
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
