package dev.respawn.reloader.supervisor.faststart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The file names inside jars (from their central directories), kept while a jar's size and
 * modification time stay the same: dependencies rarely change between two restarts.
 */
final class JarNames {

    private record Version(Path jar, long size, long modified) {
    }

    private final Map<Version, Set<String>> read = new ConcurrentHashMap<>();

    /** The names of the files in {@code jar} (not its directories); none when it cannot be read. */
    Set<String> of(Path jar) {
        Version version;
        try {
            BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
            version = new Version(jar, attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return Set.of();
        }
        read.keySet().removeIf(old -> old.jar().equals(jar) && !old.equals(version));
        return read.computeIfAbsent(version, JarNames::names);
    }

    private static Set<String> names(Version version) {
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(version.jar().toFile())) {
            zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).forEach(names::add);
        } catch (IOException e) {
            // Not a zip: the JVM cannot load from it either.
        }
        return Collections.unmodifiableSet(names);
    }
}
