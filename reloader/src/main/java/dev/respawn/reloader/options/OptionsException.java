package dev.respawn.reloader.options;

/** A user's mistake in the options: its message is one line that names the option and what is accepted. */
public final class OptionsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OptionsException(String message) {
        super(message, null, false, false);
    }
}
