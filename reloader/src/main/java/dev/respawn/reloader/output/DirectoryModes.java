package dev.respawn.reloader.output;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tightens an output directory that existed before respawn wrote into it (a user's
 * {@code --exceptions-directory}, left 0755 by {@code mkdir}) to owner-only, and says so once
 * per directory.
 */
final class DirectoryModes {

    private static final Set<Path> SAID = ConcurrentHashMap.newKeySet();
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DirectoryModes() {
    }

    static void tighten(Path directory, PrintStream terminal) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        if (view == null || isUsersOwn(directory)) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().noneMatch(OTHERS::contains)) {
            return;
        }
        Set<PosixFilePermission> owner = EnumSet.copyOf(permissions);
        owner.removeAll(OTHERS);
        view.setPermissions(owner);
        if (SAID.add(directory)) {
            terminal.println("respawn: made " + directory + " owner-only (it was "
                    + PosixFilePermissions.toString(permissions) + "): what respawn writes there may hold secrets");
        }
    }

    private static boolean isUsersOwn(Path directory) {
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath().normalize();
        return directory.equals(home) || directory.equals(here) || directory.getParent() == null;
    }
}
