package dev.respawn.reloader.supervisor.faststart;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which of a class path's jars hold a file name: read from the jars' central directories once
 * (a second, in the background, for a Spring Boot application's), then kept beside their
 * archive, so that a worker start only looks names up.
 *
 * <p>Names are kept as 64-bit hashes, sorted: a megabyte for 100,000 names. Two names with one
 * hash would at worst make a folder's file look shadowed, and the worker start without sharing.
 * The directories the names are in are kept too, so that a class folder's packages no jar has
 * need not be looked into at all.
 */
final class JarIndex {

    private static final int FORMAT = 1;

    private final long[] hashes;
    private final int[] lastJar;
    private final long[] directories;

    private JarIndex(long[] hashes, int[] lastJar, long[] directories) {
        this.hashes = hashes;
        this.lastJar = lastJar;
        this.directories = directories;
    }

    /** Reads the file names of {@code jars}; a jar that cannot be read holds nothing. */
    static JarIndex of(List<Path> jars) {
        Map<Long, Integer> last = new HashMap<>();
        Set<Long> directories = new HashSet<>();
        for (int i = 0; i < jars.size(); i++) {
            int jar = i;
            try (ZipFile zip = new ZipFile(jars.get(i).toFile())) {
                zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).forEach(name -> {
                    last.put(hash(name), jar);
                    for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
                        directories.add(hash(name.substring(0, slash + 1)));
                    }
                });
            } catch (IOException e) {
                // Not a zip: the JVM loads nothing from it either.
            }
        }
        long[] hashes = last.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int[] lastJar = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            lastJar[i] = last.get(hashes[i]);
        }
        return new JarIndex(hashes, lastJar, directories.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** Whether any of the jars holds a file under {@code directory} (a name ending in '/'). */
    boolean holdsUnder(String directory) {
        return Arrays.binarySearch(directories, hash(directory)) >= 0;
    }

    /** The last of the jars (by position) that holds {@code name}, or -1 when none does. */
    int lastJarHolding(String name) {
        int at = Arrays.binarySearch(hashes, hash(name));
        return at < 0 ? -1 : lastJar[at];
    }

    int size() {
        return hashes.length;
    }

    void save(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(FORMAT);
        data.writeInt(hashes.length);
        for (int i = 0; i < hashes.length; i++) {
            data.writeLong(hashes[i]);
            data.writeInt(lastJar[i]);
        }
        data.writeInt(directories.length);
        for (long directory : directories) {
            data.writeLong(directory);
        }
        data.flush();
    }

    /** Reads what {@link #save} wrote; throws on anything else. */
    static JarIndex load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            if (data.readInt() != FORMAT) {
                throw new IOException("not a jar index: " + file);
            }
            int size = data.readInt();
            if (size < 0 || size > Files.size(file) / 12) {
                throw new IOException("not a jar index: " + file);
            }
            long[] hashes = new long[size];
            int[] lastJar = new int[size];
            for (int i = 0; i < size; i++) {
                hashes[i] = data.readLong();
                lastJar[i] = data.readInt();
            }
            int count = data.readInt();
            if (count < 0 || count > Files.size(file) / 8) {
                throw new IOException("not a jar index: " + file);
            }
            long[] directories = new long[count];
            for (int i = 0; i < count; i++) {
                directories[i] = data.readLong();
            }
            return new JarIndex(hashes, lastJar, directories);
        }
    }

    // FNV-1a over the name's characters.
    private static long hash(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
