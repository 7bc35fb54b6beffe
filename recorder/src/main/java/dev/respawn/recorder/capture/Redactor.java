package dev.respawn.recorder.capture;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Replaces the values of secret-bearing headers by {@value #REDACTED} before anything is written. */
public final class Redactor {

    public static final String REDACTED = "[redacted]";

    /** The headers redacted unless the user keeps secrets. */
    public static final List<String> DEFAULT_SECRETS =
            List.of("Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie");

    /** The names, each once whatever its case; an array, as every header of every exchange is looked up. */
    private final String[] secrets;
    /** Bit n set when some secret name is n characters long (n < 64): most headers are passed by their length alone. */
    private final long lengths;
    /**
     * The last two lists redacted, each with what it became: a server that keeps a connection's
     * unchanged headers (Netty's recorder does) hands the same list on with each exchange, one for
     * the requests and one for the responses. Each pair is immutable (final fields, safely seen
     * by any thread without a lock) and the lists are too, so threads racing to replace them can
     * only lose a pair, never mismatch one: not volatile, as a miss is every exchange elsewhere.
     */
    private Redacted last = new Redacted(List.of(), List.of());
    private Redacted before = last;

    /** The classes of {@code List.of}'s lists (and {@code List.copyOf}'s, {@code Stream.toList}'s): unmodifiable. */
    private static final Class<?> UNMODIFIABLE_SMALL = List.of(1).getClass();
    private static final Class<?> UNMODIFIABLE = List.of(1, 2, 3).getClass();

    private record Redacted(List<Header> headers, List<Header> redacted) {
    }

    /**
     * @param extra more header names to redact
     * @param keepSecrets redact nothing at all
     */
    public Redactor(List<String> extra, boolean keepSecrets) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (!keepSecrets) {
            names.addAll(DEFAULT_SECRETS);
            extra.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
        }
        secrets = names.toArray(new String[0]);
        long bits = 0;
        for (String name : secrets) {
            bits |= name.length() < 64 ? 1L << name.length() : 0;
        }
        lengths = bits;
    }

    /** The headers with secret values replaced (an unmodifiable list); the same list when none is secret. */
    public List<Header> redact(List<Header> headers) {
        Redacted seen = last;
        if (seen.headers() == headers) {
            return seen.redacted();
        }
        Redacted earlier = before;
        if (earlier.headers() == headers) {
            return earlier.redacted();
        }
        List<Header> redacted = redacted(headers);
        if (headers.getClass() == UNMODIFIABLE_SMALL || headers.getClass() == UNMODIFIABLE) {
            before = seen; // only a list that cannot change can be known by its identity
            last = new Redacted(headers, redacted);
        }
        return redacted;
    }

    private List<Header> redacted(List<Header> headers) {
        Header[] result = null;
        for (int i = 0; i < headers.size() && secrets.length > 0; i++) {
            Header header = headers.get(i);
            if (secret(header.name())) {
                if (result == null) {
                    result = headers.toArray(new Header[0]);
                }
                result[i] = new Header(header.name(), REDACTED);
            }
        }
        return result == null ? headers : List.of(result);
    }

    private boolean secret(String name) {
        int length = name.length();
        if (length < 64 && (lengths & 1L << length) == 0) {
            return false;
        }
        for (String secret : secrets) {
            if (secret.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
