package dev.respawn.reloader.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The contents of the resources in the class folders as the running application last saw them,
 * so that a build that copies every resource again with the same bytes (as {@code mvn compile}
 * does) reloads nothing. Class files are left to the hot swap planner, which compares them
 * already; only resources are digested, once at start and then only those that changed.
 *
 * <p>Used on the change monitor's one thread.
 */
final class ResourceDigests {

    private final Map<Path, Optional<String>> seen = new HashMap<>();
    private final Excludes excludes;

    ResourceDigests(Excludes excludes) {
        this.excludes = excludes;
    }

    /** Notes the resources of a class folder as they are now. */
    void addRoot(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> isResource(file) && Files.isRegularFile(file) && !excludes.excluded(root, file))
                    .forEach(file -> seen.put(file, digest(file)));
        } catch (IOException | UncheckedIOException e) {
            // A folder being rebuilt: its resources count as changed when they change.
        }
    }

    /** The changed paths less the resources whose bytes are those the application last saw. */
    List<Path> differing(List<Path> changed) {
        List<Path> differing = new ArrayList<>();
        for (Path path : changed) {
            if (!isResource(path) || !seen.containsKey(path) || !seen.get(path).equals(digest(path))) {
                differing.add(path);
            }
        }
        return differing;
    }

    /** The application is reloading with these files as they are now. */
    void reloaded(List<Path> changed) {
        for (Path path : changed) {
            if (isResource(path)) {
                seen.put(path, digest(path));
            }
        }
    }

    private static boolean isResource(Path path) {
        Path name = path.getFileName();
        return name != null && !name.toString().endsWith(".class");
    }

    /** The file's SHA-256, empty when it is missing or unreadable (deleted, or a folder). */
    private static Optional<String> digest(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return Optional.of(java.util.HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }
}
