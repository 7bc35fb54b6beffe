package dev.respawn.agent.exceptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which names say their value is a secret: the recorder's redacted headers (Authorization,
 * Cookie, the user's {@code --recorder-redact} ...) and any name holding password, passwd,
 * secret, token, apiKey, authorization, credential, cookie, session id or private key, in any
 * case and with any separators ({@code api_key}, {@code X-Auth-Token}, {@code dbPassword}).
 */
final class SecretNames {

    static final String REDACTED = "[redacted]";

    /** The words that make a name secret, lower case and without separators. */
    private static final List<String> WORDS = List.of("password", "passwd", "passphrase", "secret", "token",
            "apikey", "authorization", "credential", "cookie", "sessionid", "privatekey", "accesskey", "signingkey");

    /** Names that keep their values: nothing is redacted ({@code --recorder-keep-secrets}). */
    static final SecretNames NONE = new SecretNames(List.of(), false);

    private final List<String> words;
    private final boolean on;

    /**
     * @param headers the recorder's redacted header names, matched whole
     * @param on false to redact nothing
     */
    SecretNames(List<String> headers, boolean on) {
        this.on = on;
        this.words = new ArrayList<>(WORDS);
        for (String header : headers) {
            String bare = bare(header);
            if (!bare.isEmpty()) {
                words.add(bare);
            }
        }
    }

    boolean on() {
        return on;
    }

    /** Whether a value named {@code name} (a parameter, field, local, map key or header) is a secret. */
    boolean secret(String name) {
        if (!on || name == null) {
            return false;
        }
        String bare = bare(name);
        for (String word : words) {
            if (bare.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String bare(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
