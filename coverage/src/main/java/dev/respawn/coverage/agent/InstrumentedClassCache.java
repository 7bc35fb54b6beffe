package dev.respawn.coverage.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.zip.CRC32;

import org.jacoco.core.data.ExecutionDataStore;

import dev.respawn.reloader.output.OwnerOnly;

/**
 * respawn's JaCoCo runtime with what it made of each class file kept on disk across worker
 * starts, in an owner-only folder named after the build of respawn.jar (which fixes JaCoCo's
 * version and the runtime's class): a process restart loads the same class files, and reading
 * JaCoCo's result back costs a file read where instrumenting it anew cost JaCoCo and ASM parsing
 * and writing the class, run by the interpreter, on the path to the application's first answer
 * (26 ms of a hello-world's 60 ms of coverage, and C1 compiling JaCoCo besides).
 *
 * <p>An entry is found by the CRC-32 and length of the class file and holds the class file itself
 * beside its instrumented bytes: it is used only when the class file is byte for byte the same, so
 * a changed class is instrumented anew (under the new class id JaCoCo gives it). A class JaCoCo
 * cannot instrument is not kept (it is tried again, and named again, at the next start). A folder
 * that cannot be written leaves the runtime instrumenting every class, as without the cache.
 */
final class InstrumentedClassCache implements CoverageRuntime {

    /** Beyond this many entries, the folder is emptied as the next one is written. */
    static final int LIMIT = 20_000;
    private static final int MAGIC = 0x52434331;

    private final CoverageRuntime runtime;
    private final Path directory;
    private final int limit;
    private volatile boolean tidied;

    /**
     * @param runtime respawn's own JaCoCo runtime, whose results are kept
     * @param folders the folder of one folder per build, e.g. {@code .respawn/coverage-classes}
     * @param build names this build of respawn.jar: results of other builds are deleted
     */
    InstrumentedClassCache(CoverageRuntime runtime, Path folders, String build) {
        this(runtime, folders, build, LIMIT);
    }

    InstrumentedClassCache(CoverageRuntime runtime, Path folders, String build, int limit) {
        this.runtime = runtime;
        this.directory = folders.resolve(build);
        this.limit = limit;
    }

    /**
     * The name of respawn.jar's build, from its path, size and modification time (what makes one
     * jar another), or null when respawn does not run from a jar (then nothing is kept).
     */
    static String build(Path ownJar) {
        if (ownJar == null) {
            return null;
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(ownJar, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return null;
            }
            long hash = 17;
            for (long part : new long[] {ownJar.toAbsolutePath().normalize().toString().hashCode(), attributes.size(),
                attributes.lastModifiedTime().toMillis()}) {
                hash = hash * 1_000_003L + part;
            }
            return "jar-" + Long.toHexString(hash);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public byte[] instrument(String internalName, byte[] original) throws Exception {
        Path entry = directory.resolve(name(original));
        byte[] kept = read(entry, original);
        if (kept != null) {
            return kept;
        }
        byte[] instrumented = runtime.instrument(internalName, original);
        if (instrumented != null) {
            write(entry, original, instrumented);
        }
        return instrumented;
    }

    @Override
    public ExecutionDataStore collect(boolean reset) throws Exception {
        return runtime.collect(reset);
    }

    @Override
    public String describe() {
        return runtime.describe();
    }

    /** {@code <crc32>-<length>}, both in hex: a file name that the class file's bytes choose. */
    static String name(byte[] original) {
        CRC32 crc = new CRC32();
        crc.update(original);
        return Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(original.length);
    }

    /** The instrumented bytes kept for exactly {@code original}, or null. */
    private static byte[] read(Path entry, byte[] original) {
        byte[] content;
        try {
            content = Files.readAllBytes(entry);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(content);
        if (content.length < 8 || buffer.getInt() != MAGIC) {
            return null;
        }
        int length = buffer.getInt();
        if (length != original.length || content.length < 8 + length
                || !Arrays.equals(content, 8, 8 + length, original, 0, length)) {
            return null;
        }
        return Arrays.copyOfRange(content, 8 + length, content.length);
    }

    private void write(Path entry, byte[] original, byte[] instrumented) {
        try {
            if (!tidied) {
                tidied = true;
                tidy();
            }
            ByteBuffer content = ByteBuffer.allocate(8 + original.length + instrumented.length);
            content.putInt(MAGIC).putInt(original.length).put(original).put(instrumented);
            OwnerOnly.write(entry, content.array());
        } catch (IOException | RuntimeException e) {
            // Not kept: the next start instruments this class again.
        }
    }

    /**
     * Once per JVM, before the first entry is written (never on a start that finds every class):
     * makes the folder owner-only, deletes other builds' folders, and empties this one when full.
     */
    private void tidy() throws IOException {
        Path folders = directory.getParent();
        OwnerOnly.directories(directory);
        try (DirectoryStream<Path> builds = Files.newDirectoryStream(folders)) {
            for (Path build : builds) {
                if (!build.equals(directory)) {
                    delete(build);
                }
            }
        }
        int entries = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path ignored : files) {
                entries++;
            }
        }
        if (entries >= limit) {
            delete(directory);
            OwnerOnly.directories(directory);
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(folder);
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(folder);
    }
}
