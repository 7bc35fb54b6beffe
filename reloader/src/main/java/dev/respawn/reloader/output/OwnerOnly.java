package dev.respawn.reloader.output;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Creates directories (0700) and files (0600) that only their owner can read, on file systems
 * that have POSIX permissions; elsewhere (Windows) the user's profile is already private.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_BITS = PosixFilePermissions.fromString("rwx------");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OwnerOnly() {
    }

    /** A file name stem for one worker life: {@code <time>-<pid>}, e.g. {@code 20261124-193000-4242}. */
    public static String lifeStem() {
        return lifeStem(LocalDateTime.now(), ProcessHandle.current().pid(), 1);
    }

    /**
     * The {@code n}th stem of lives begun in the same second: {@code <time>-<pid>}, then
     * {@code <time>-<n>-<pid>}. The pid stays last, where the tools look for it.
     */
    public static String lifeStem(LocalDateTime time, long pid, int n) {
        return time.format(STAMP) + (n == 1 ? "" : "-" + n) + "-" + pid;
    }

    /**
     * Creates {@code directory} and its missing parents, each new one owner-only; returns it. A
     * directory that existed already and that others may read is made owner-only too, and this is
     * said once on standard error (respawn's output may hold secrets): never a parent, nor the
     * working or home directory, which are the user's own business.
     */
    public static Path directories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            DirectoryModes.tighten(absolute, System.err);
            return absolute;
        }
        create(absolute);
        return absolute;
    }

    private static void create(Path absolute) throws IOException {
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            create(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Created by another process meanwhile (two workers starting): fine if it is a directory.
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
    }

    /**
     * Makes a file, or a directory and everything in it, owner-only: for what other code wrote
     * (the Flight Recorder, async-profiler and its loader, JaCoCo's report) with the process's
     * umask. Directories become 0700; files lose the group's and others' bits and keep the owner's
     * (a native library stays loadable, a tool executable).
     */
    public static void restrict(Path path) throws IOException {
        if (!POSIX || !Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(each)) {
                    Files.setPosixFilePermissions(each, DIRECTORY);
                } else if (!Files.isSymbolicLink(each)) {
                    Set<PosixFilePermission> owner = Files.getPosixFilePermissions(each);
                    owner.retainAll(OWNER_BITS);
                    Files.setPosixFilePermissions(each, owner);
                }
            }
        }
    }

    /**
     * Writes {@code content} to {@code file} as a whole: to an owner-only file beside it first,
     * then moved over it, so a reader never sees half of it.
     */
    public static void write(Path file, byte[] content) throws IOException {
        Path temporary = newFile(file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid()));
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates an empty owner-only file, replacing any earlier one of that name. */
    public static Path newFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, fileAttributes());
    }

    /** Creates an empty owner-only file unless one exists (a lock file that others may hold). */
    public static Path fileIfAbsent(Path file) throws IOException {
        try {
            return Files.createFile(file, fileAttributes());
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return file;
        }
    }

    /** The attributes that create a file owner-only (none where the file system has no POSIX permissions). */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }
}
