package dev.respawn.reloader.options;

import java.util.OptionalInt;

/**
 * Where the front listens ({@code --front-port N}) and, when the worker listens on several ports,
 * which of them is the application's HTTP port ({@code N:APP_PORT}).
 */
public record FrontPort(int port, OptionalInt appPort) {

    /** Parses {@code N} or {@code N:APP_PORT}; an {@link OptionsException} says what is accepted. */
    public static FrontPort parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length > 2) {
            throw invalid(text);
        }
        int port = port(parts[0], text);
        return new FrontPort(port, parts.length == 2 ? OptionalInt.of(port(parts[1], text)) : OptionalInt.empty());
    }

    private static int port(String part, String text) {
        try {
            int port = Integer.parseInt(part);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw invalid(text);
    }

    private static OptionsException invalid(String text) {
        return new OptionsException("--front-port must be N or N:APP_PORT, ports from 1 to 65535 (e.g. 8000 or"
                + " 8000:8080), not '" + text + "'");
    }
}
