package dev.respawn.reloader.context;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * What an add-on's class transformation made of each class file, kept across the application's
 * lives: a restart inside the JVM loads the same class files again in a new class loader, and a
 * transformation that depends on nothing but the bytes (JaCoCo's probes, exception capture's exit
 * handlers) need not parse and write them again. Found by the class's name and the CRC-32 and
 * length of its class file, and used only when the class file is byte for byte the one kept, so a
 * changed class file is transformed anew.
 *
 * <p>Why not a SHA-256 of the bytes: on a worker's first classes the JDK's SHA-256 runs in the
 * interpreter, about 0.3 ms a class on the path to the application's first answer; CRC-32 is
 * computed by native code, and two arrays are compared by the JDK's vectorized mismatch.
 *
 * @param <T> what the transformation gives (its bytes, or more)
 */
public final class TransformedClasses<T> {

    /** Beyond this many, the kept results are dropped and kept anew (a class path's worth at least). */
    static final int LIMIT = 50_000;

    private final Map<Key, Entry<T>> kept = new ConcurrentHashMap<>();

    /**
     * equals and hashCode written out: a record's are bootstrapped through ObjectMethods' method
     * handles on first use, 10 to 80 ms of a debug-mode start (the first class that coverage or
     * exception capture transforms), to compare three fields.
     */
    private record Key(String className, long crc, int length) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && crc == key.crc && length == key.length && className.equals(key.className);
        }

        @Override
        public int hashCode() {
            return 31 * className.hashCode() + Long.hashCode(crc);
        }
    }

    /** A class file as given and what was made of it (null: the class is left alone). */
    private record Entry<T>(byte[] original, T result) {
    }

    /**
     * What {@code transformation} gives for {@code bytes}: kept from an earlier life when the same
     * class file was transformed then, else computed now and kept. A null result (the class is
     * left alone) is kept too; a transformation that throws keeps nothing.
     */
    public T transform(String className, byte[] bytes, Function<byte[], T> transformation) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Key key = new Key(className, crc.getValue(), bytes.length);
        Entry<T> known = kept.get(key);
        if (known != null && Arrays.equals(known.original(), bytes)) {
            return known.result();
        }
        T result = transformation.apply(bytes);
        if (kept.size() >= LIMIT) {
            kept.clear();
        }
        kept.put(key, new Entry<>(bytes, result));
        return result;
    }

    /** How many results are kept. */
    int size() {
        return kept.size();
    }
}
