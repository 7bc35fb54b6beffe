package dev.respawn.reloader.compile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.ToolProvider;

/** Test sources written under a root and compiled with the JDK's javac. */
final class Classes {

    private Classes() {
    }

    /** Writes {@code source} as {@code root/<package path>/<name>.java}. */
    static Path write(Path root, String binaryName, String source) throws IOException {
        Path file = root.resolve(binaryName.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }

    static void compile(Path output, Path... sources) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", output.toString()));
        for (Path source : sources) {
            arguments.add(source.toString());
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = ToolProvider.getSystemJavaCompiler().run(null, null, errors, arguments.toArray(String[]::new));
        if (code != 0) {
            throw new IOException("javac failed: " + errors);
        }
    }
}
