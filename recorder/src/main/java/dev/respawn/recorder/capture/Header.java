package dev.respawn.recorder.capture;

/** One HTTP header line, as the server saw or sent it. */
public record Header(String name, String value) {
}
