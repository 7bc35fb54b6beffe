package dev.respawn.reloader.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Knows the file systems on which the kernel does not deliver change events for others' writes. */
final class NativeEvents {

    /** Network, shared-folder and FUSE file systems whose changes inotify does not see. */
    private static final Set<String> SILENT = Set.of(
            "nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "smb3", "9p", "vboxsf", "vmhgfs", "prl_fs",
            "fuse.sshfs", "fuse.vmhgfs-fuse", "fuse.osxfs", "fuse.grpcfuse", "fakeowner", "davfs",
            "fuse.davfs", "afs", "fuse.rclone", "fuse.s3fs");

    private NativeEvents() {
    }

    /** The file system type of {@code path} when its changes need polling, else empty. */
    static Optional<String> silentFileSystem(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return Optional.empty();
        }
        try {
            String type = Files.getFileStore(existing).type().toLowerCase(Locale.ROOT);
            return SILENT.contains(type) ? Optional.of(type) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
