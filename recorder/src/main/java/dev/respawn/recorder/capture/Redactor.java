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

    private final Set<String> secrets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    /**
     * @param extra more header names to redact
     * @param keepSecrets redact nothing at all
     */
    public Redactor(List<String> extra, boolean keepSecrets) {
        if (!keepSecrets) {
            secrets.addAll(DEFAULT_SECRETS);
            extra.forEach(name -> secrets.add(name.strip().toLowerCase(Locale.ROOT)));
        }
    }

    /** The headers with secret values replaced; the same list when none is secret. */
    public List<Header> redact(List<Header> headers) {
        Header[] result = null;
        for (int i = 0; i < headers.size() && !secrets.isEmpty(); i++) {
            Header header = headers.get(i);
            if (secrets.contains(header.name())) {
                if (result == null) {
                    result = headers.toArray(new Header[0]);
                }
                result[i] = new Header(header.name(), REDACTED);
            }
        }
        return result == null ? headers : List.of(result);
    }
}
