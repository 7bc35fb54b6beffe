package dev.respawn.recorder.helidon.stub.http;

/** Stands for Helidon's {@code Status}, a class; made here for unit tests only. */
public class Status {

    private final int code;

    public Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
