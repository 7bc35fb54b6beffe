package dev.respawn.reloader.context;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What an add-on's class transformation made of each class file, kept across the application's
 * lives: a restart inside the JVM loads the same class files again in a new class loader, and a
 * transformation that depends on nothing but the bytes (JaCoCo's probes, exception capture's exit
 * handlers) need not parse and write them again. Keyed by the class's name and the SHA-256 of the
 * bytes it was given, so a changed class file is transformed anew.
 *
 * @param <T> what the transformation gives (its bytes, or more)
 */
public final class TransformedClasses<T> {

    /** Beyond this many, the kept results are dropped and kept anew (a class path's worth at least). */
    static final int LIMIT = 50_000;

    private final Map<Key, Optional<T>> kept = new ConcurrentHashMap<>();

    /**
     * equals and hashCode written out: a record's are bootstrapped through ObjectMethods' method
     * handles on first use, 10 to 80 ms of a debug-mode start (the first class that coverage or
     * exception capture transforms), to compare two fields.
     */
    private record Key(String className, ByteBuffer digest) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && className.equals(key.className) && digest.equals(key.digest);
        }

        @Override
        public int hashCode() {
            return 31 * className.hashCode() + digest.hashCode();
        }
    }

    /**
     * What {@code transformation} gives for {@code bytes}: kept from an earlier life when the same
     * class file was transformed then, else computed now and kept. A null result (the class is
     * left alone) is kept too; a transformation that throws keeps nothing.
     */
    public T transform(String className, byte[] bytes, Function<byte[], T> transformation) {
        Key key = new Key(className, ByteBuffer.wrap(sha256(bytes)));
        Optional<T> known = kept.get(key);
        if (known != null) {
            return known.orElse(null);
        }
        T result = transformation.apply(bytes);
        if (kept.size() >= LIMIT) {
            kept.clear();
        }
        kept.put(key, Optional.ofNullable(result));
        return result;
    }

    /** How many results are kept. */
    int size() {
        return kept.size();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
