package dev.respawn.reloader.compile;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The javac options that make a class as new as those already in a class folder: {@code --release N}
 * from the class files' major version (the build chose it), and {@code --enable-preview} when they
 * use preview features, as far as this JDK's javac goes. Nothing when the folder holds no class
 * file yet: javac's own default.
 */
final class ReleaseLevel {

    private static final int MAGIC = 0xCAFEBABE;
    /** Java 1.0 and 1.1 were major 45; Java N is 44 + N since. */
    private static final int MAJOR_OFFSET = 44;
    private static final int PREVIEW_MINOR = 0xFFFF;

    private ReleaseLevel() {
    }

    /** The options for {@code classFolder}, looking at {@code preferred} first when it exists. */
    static List<String> options(Path classFolder, Path preferred) {
        Optional<int[]> version = version(preferred).or(() -> anyVersion(classFolder));
        List<String> options = new ArrayList<>();
        version.ifPresent(v -> {
            // This javac cannot compile for a newer Java; an older release still runs on the worker's.
            int release = Math.min(v[1] - MAJOR_OFFSET, Runtime.version().feature());
            if (release >= 6) {
                options.addAll(List.of("--release", Integer.toString(release)));
            }
            if (v[0] == PREVIEW_MINOR) {
                options.add("--enable-preview");
            }
        });
        return options;
    }

    private static Optional<int[]> anyVersion(Path classFolder) {
        try (Stream<Path> files = Files.walk(classFolder)) {
            return files.filter(file -> file.toString().endsWith(".class") && Files.isRegularFile(file))
                    .limit(8)
                    .map(ReleaseLevel::version)
                    .flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {minor, major} of a class file, or empty when it is missing or not a class file. */
    static Optional<int[]> version(Path classFile) {
        if (classFile == null || !Files.isRegularFile(classFile)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != MAGIC) {
                return Optional.empty();
            }
            int minor = data.readUnsignedShort();
            int major = data.readUnsignedShort();
            return Optional.of(new int[] {minor, major});
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
