package dev.respawn.examples.hello;

import java.util.Map;

/**
 * Looks up the account a request's credentials belong to, and refuses unknown ones a frame
 * down: where exception capture sees a credential as an ordinary argument and in a field, and
 * must not write it out. Try {@code curl -H 'Authorization: Bearer wrong' localhost:8080/account}.
 */
final class Accounts {

    private final Map<String, String> owners = Map.of("Bearer demo-7f3a9c", "alice");
    private final String signingKey = "k-" + Long.toHexString(Double.doubleToLongBits(Math.PI));

    String balance(String presented) {
        String owner = owners.get(presented);
        if (owner == null) {
            throw new SecurityException("no account for the credentials presented");
        }
        return owner + ": 42.00";
    }
}
