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

    /** The headers with secret values replaced; the same list when none is secret. */
    public List<Header> redact(List<Header> headers) {
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
