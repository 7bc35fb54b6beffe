package dev.respawn.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A private copy of an example application (its sources in {@code src/main/java}, its classes in
 * {@code target/classes}, the layout respawn guesses sources from), which a test changes by
 * editing a source and compiling it with javac, as a developer's build would. The example's
 * libraries ({@code target/lib}, where it has any) are used where the build left them, not copied,
 * and so are its annotation processors ({@code target/processors}, where its build copies them).
 */
final class ExampleWorkspace {

    private final Path root;
    private final Path sources;
    private final Path classes;
    private final Path libraries;
    private final Path processors;
    /** Another JDK's javac and the release it compiles for, or null for the build JDK's, in process. */
    private final Path javac;
    private final int release;

    private ExampleWorkspace(Path root, Path libraries, Path processors, Path javac, int release) {
        this.root = root;
        this.sources = root.resolve("src/main/java");
        this.classes = root.resolve("target/classes");
        this.libraries = libraries;
        this.processors = processors;
        this.javac = javac;
        this.release = release;
    }

    /** Copies {@code examples/<name>} (sources and compiled classes) under {@code directory}. */
    static ExampleWorkspace copyOf(String name, Path directory) throws IOException {
        Path example = TestEnvironment.examples().resolve(name);
        ExampleWorkspace workspace = new ExampleWorkspace(directory.resolve(name), example.resolve("target/lib"),
                example.resolve("target/processors"), null, 0);
        copyTree(example.resolve("src/main/java"), workspace.sources);
        copyTree(example.resolve("target/classes"), workspace.classes);
        return workspace;
    }

    /**
     * The same workspace, compiled by the javac of the JDK at {@code home} for {@code release}: an
     * example whose libraries need a newer Java than the build's (Helidon 4 needs 21).
     */
    ExampleWorkspace compiledBy(Path home, int release) {
        return new ExampleWorkspace(root, libraries, processors, home.resolve("bin").resolve("javac"), release);
    }

    /** The worker's class path, relative to {@link #root()}: the class folder, then the example's jars. */
    String classpath() {
        return Files.isDirectory(libraries)
                ? "target/classes" + File.pathSeparator + libraries + File.separator + "*"
                : "target/classes";
    }

    Path root() {
        return root;
    }

    Path classes() {
        return classes;
    }

    Path sources() {
        return sources;
    }

    Path source(String relative) {
        return sources.resolve(relative);
    }

    /** Replaces {@code from} by {@code to} in a source file. */
    void edit(String relative, String from, String to) throws IOException {
        Path file = source(relative);
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain '" + from + "'");
        }
        Files.writeString(file, text.replace(from, to));
    }

    /** Compiles every source into a fresh folder and returns it, leaving {@code target/classes} alone. */
    Path compileAside(Path output) throws IOException {
        Files.createDirectories(output);
        List<String> arguments = new ArrayList<>(List.of("-g", "-parameters", "-d", output.toString()));
        if (javac != null) {
            arguments.addAll(List.of("--release", Integer.toString(release)));
        }
        if (Files.isDirectory(libraries)) {
            arguments.addAll(List.of("-cp", jars(libraries)));
        }
        if (Files.isDirectory(processors)) {
            // As the build's annotationProcessorPaths: the processors, and the libraries they load.
            arguments.addAll(List.of("-processorpath", jars(processors) + File.pathSeparator + jars(libraries)));
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        if (javac != null) {
            runJavac(arguments);
            return output;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, arguments.toArray(String[]::new));
        if (result != 0) {
            throw new IllegalStateException("javac failed with " + result);
        }
        return output;
    }

    private void runJavac(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(javac.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException(javac + " failed with " + process.exitValue() + ":\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + javac + " compiled", e);
        }
    }

    private static String jars(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> jars = Files.list(folder)) {
            return jars.map(Path::toString).sorted().collect(Collectors.joining(File.pathSeparator));
        }
    }

    /** Compiles the sources as a build would: every class file in {@code target/classes} rewritten at once. */
    void compile() throws IOException {
        Path aside = compileAside(Files.createTempDirectory(root, "javac"));
        copyTree(aside, classes);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                Path target = to.resolve(from.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
