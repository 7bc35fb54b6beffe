package dev.respawn.recorder.capture;

/**
 * A body as recorded: its first bytes (up to the body limit) and its true size.
 *
 * @param kept the bytes recorded, at most the limit
 * @param size how many bytes passed in all
 */
public record Body(byte[] kept, long size) {

    public static final Body EMPTY = new Body(new byte[0], 0);

    public boolean truncated() {
        return size > kept.length;
    }
}
