package dev.respawn.recorder.helidon.stub.http;

/** Stands for Helidon's {@code Method}, a final class; made here for unit tests only. */
public final class Method {

    private final String text;

    public Method(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
