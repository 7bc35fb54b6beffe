package dev.respawn.reloader.supervisor.faststart;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the archive folder from growing with every change of dependencies: an archive's
 * modification time is when it was last used, and only the most recent few are kept.
 */
final class ArchivePruning {

    private ArchivePruning() {
    }

    static void touch(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // Only the pruning order depends on it.
        }
    }

    /**
     * Deletes all but the {@code keep} most recently used archives, with their other files, and
     * what a supervisor that was killed mid-dump left half-written ({@code .tmp-<pid>}).
     */
    static void prune(Path directory, int keep) {
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, "*.tmp-*")) {
            for (Path partial : listing) {
                String name = partial.getFileName().toString();
                long pid = Long.parseLong(name.substring(name.lastIndexOf("-") + 1));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                Files.deleteIfExists(partial);
            }
        } catch (IOException | NumberFormatException e) {
            // Left for the next prune.
        }
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(directory, "*.jsa")) {
            listing.forEach(archives::add);
        } catch (IOException e) {
            return;
        }
        archives.sort(Comparator.comparing(ArchivePruning::modified).reversed());
        for (Path old : archives.subList(Math.min(keep, archives.size()), archives.size())) {
            String key = old.getFileName().toString().replaceFirst("\\.jsa$", "");
            for (String extension : List.of("jsa", "classlist", "loaded", "names", "log", "failed")) {
                try {
                    Files.deleteIfExists(directory.resolve(key + "." + extension));
                } catch (IOException e) {
                    // In use elsewhere (Windows): the next prune tries again.
                }
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
