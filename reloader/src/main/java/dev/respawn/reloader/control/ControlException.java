package dev.respawn.reloader.control;

/** A control request that could not be answered, with a one-line message for the user. */
public final class ControlException extends Exception {

    private static final long serialVersionUID = 1L;

    public ControlException(String message) {
        super(message);
    }
}
