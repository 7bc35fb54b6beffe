package dev.respawn.reloader.control;

/**
 * The control channel's wire format: one request line, {@code <token> <command> [argument]}, and
 * one answer line, {@code ok <text>} or {@code error <text>}, in UTF-8; then the connection ends.
 */
final class ControlProtocol {

    static final String OK = "ok ";
    static final String ERROR = "error ";
    /** Longer request lines are no request of ours. */
    static final int MAX_LINE = 8192;

    private ControlProtocol() {
    }

    /** Makes any answer one line, so a multi-line message cannot break the framing. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " | ").strip();
    }
}
