package dev.respawn.reloader.control;

/** A command a running worker answers on the control channel (e.g. {@code coverage.dump}). */
@FunctionalInterface
public interface ControlCommand {

    /**
     * Runs the command and returns its one-line answer for the user.
     *
     * @param argument what followed the command's name on the request line ("" when nothing)
     * @throws Exception whose message is the one-line error the user sees
     */
    String run(String argument) throws Exception;
}
