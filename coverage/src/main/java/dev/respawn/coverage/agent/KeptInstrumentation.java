package dev.respawn.coverage.agent;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * What was made of each class folder's class file, kept in memory across the application's lives:
 * a restart inside the JVM loads the same class files again in a new class loader, and JaCoCo's
 * instrumentation depends on nothing but the bytes. Found by the class's name and the CRC-32 and
 * length of its class file, and used only when the class file is byte for byte the one kept.
 *
 * <p>Why not a SHA-256 of the bytes (as {@code TransformedClasses} keys them): on a worker's first
 * classes the JDK's SHA-256 runs in the interpreter, about 0.3 ms a class on the path to the
 * application's first answer, more than reading the class's instrumentation back from disk
 * ({@link InstrumentedClassCache}); CRC-32 is computed by native code, and the comparison of two
 * arrays by the JDK's vectorized mismatch.
 */
final class KeptInstrumentation {

    /** Beyond this many, the kept results are dropped and kept anew (a class path's worth at least). */
    static final int LIMIT = 50_000;

    private final Map<Key, Entry> kept = new ConcurrentHashMap<>();

    /** equals and hashCode written out: a record's are bootstrapped through method handles on first use. */
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

    private record Entry(byte[] original, byte[] result) {
    }

    /**
     * What {@code transformation} gives for {@code bytes}: kept from an earlier life when the same
     * class file was transformed then, else computed now and kept. A null result (the class is
     * left alone) is kept too; a transformation that throws keeps nothing.
     */
    byte[] transform(String className, byte[] bytes, Function<byte[], byte[]> transformation) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Key key = new Key(className, crc.getValue(), bytes.length);
        Entry known = kept.get(key);
        if (known != null && Arrays.equals(known.original(), bytes)) {
            return known.result();
        }
        byte[] result = transformation.apply(bytes);
        if (kept.size() >= LIMIT) {
            kept.clear();
        }
        kept.put(key, new Entry(bytes, result));
        return result;
    }

    /** How many results are kept. */
    int size() {
        return kept.size();
    }
}
