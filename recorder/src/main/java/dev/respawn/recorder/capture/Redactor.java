package dev.respawn.recorder.capture;

import java.util.ArrayList;
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

    public List<Header> redact(List<Header> headers) {
        if (secrets.isEmpty()) {
            return headers;
        }
        List<Header> result = new ArrayList<>(headers.size());
        for (Header header : headers) {
            result.add(secrets.contains(header.name()) ? new Header(header.name(), REDACTED) : header);
        }
        return result;
    }
}
