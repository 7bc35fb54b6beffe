package dev.respawn.reloader.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * The compiler's errors for the last saved sources that did not compile ({@code mvn respawn:run}),
 * kept in a file under the debug directory while they stand, so that the front can show them to
 * the client in place of the old code's answers.
 */
public final class CompileErrors {

    private static final String FILE = "errors.txt";

    private CompileErrors() {
    }

    /** Where the errors stand, in the compiler's scratch folder {@code <debug-directory>/compile}. */
    public static Path file(Path compileDirectory) {
        return compileDirectory.resolve(FILE);
    }

    /** The file for {@code --debug-directory DIR}. */
    public static Path underDebugDirectory(Path debugDirectory) {
        return file(debugDirectory.resolve("compile"));
    }

    /** Records the {@code File.java:LINE: message} lines of a failed compile. */
    public static void failed(Path compileDirectory, List<String> lines) throws IOException {
        OwnerOnly.directories(compileDirectory);
        OwnerOnly.write(file(compileDirectory), String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    /** The sources compile again. */
    public static void cleared(Path compileDirectory) throws IOException {
        Files.deleteIfExists(file(compileDirectory));
    }
}
