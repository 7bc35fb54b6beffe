package dev.respawn.reloader.output;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Creates the add-ons' output directories owner-only (0700): recorded requests, exception
 * arguments and profiles can hold secrets, and nobody else on the machine should read them.
 */
public final class OwnerOnly {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OwnerOnly() {
    }

    /**
     * Creates {@code directory} and any missing parents as 0700 (where the file system has POSIX
     * permissions), and narrows an existing one to 0700.
     *
     * @throws IOException with a message that names the directory
     */
    public static Path directory(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createDirectories(absolute,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
            } else {
                Files.createDirectories(absolute);
            }
        } catch (IOException e) {
            throw new IOException("cannot create " + absolute + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); choose a writable directory", e);
        }
        if (!Files.isWritable(absolute)) {
            throw new IOException(absolute + " is not writable; choose a writable directory");
        }
        return absolute;
    }

    /** A file name stem for one worker life: {@code <time>-<pid>}, e.g. {@code 20261124-193000-4242}. */
    public static String lifeStem() {
        return LocalDateTime.now().format(STAMP) + "-" + ProcessHandle.current().pid();
    }
}
