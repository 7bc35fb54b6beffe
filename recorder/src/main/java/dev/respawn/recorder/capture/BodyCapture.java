package dev.respawn.recorder.capture;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * A body as it streams past: keeps the first {@code limit} bytes and counts the rest, so that a
 * body of any size costs at most {@code limit} bytes of heap.
 */
public final class BodyCapture {

    private static final byte[] NONE = new byte[0];

    private final int limit;
    private byte[] bytes = NONE;
    private int kept;
    private long size;

    public BodyCapture(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("'limit' must be 0 or more, not " + limit);
        }
        this.limit = (int) Math.min(limit, Integer.MAX_VALUE - 16);
    }

    public synchronized void write(int b) {
        size++;
        if (kept < limit) {
            ensure(kept + 1);
            bytes[kept++] = (byte) b;
        }
    }

    public synchronized void write(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        size += len;
        int take = Math.min(len, limit - kept);
        if (take > 0) {
            ensure(kept + take);
            System.arraycopy(b, off, bytes, kept, take);
            kept += take;
        }
    }

    /** The bytes from a buffer's position to its limit, which stay there for the buffer's owner. */
    public void write(ByteBuffer buffer) {
        write(buffer, buffer.position(), buffer.remaining());
    }

    /**
     * The {@code count} bytes at {@code from} in {@code buffer}, whose position stays where it is:
     * kept up to the limit, all counted. Copied straight from the buffer, a direct one too (a
     * server's pooled buffers are), with the one lock a write takes.
     */
    public synchronized void write(ByteBuffer buffer, int from, long count) {
        if (count <= 0) {
            return;
        }
        size += count;
        int take = (int) Math.min(count, limit - kept);
        if (take > 0) {
            ensure(kept + take);
            buffer.get(from, bytes, kept, take);
            kept += take;
        }
    }

    /** How many more bytes would be kept: a caller copying out of a buffer copies no more than this. */
    public synchronized int room() {
        return limit - kept;
    }

    /** Counts {@code count} bytes that passed without being kept (past the limit, or in a file sent whole). */
    public synchronized void skip(long count) {
        if (count > 0) {
            size += count;
        }
    }

    /** Characters a Reader or Writer passed, counted as the bytes they are in {@code charset}. */
    public void write(char[] c, int off, int len, Charset charset) {
        if (len > 0) {
            byte[] encoded = new String(c, off, len).getBytes(charset);
            write(encoded, 0, encoded.length);
        }
    }

    public void write(String s, Charset charset) {
        byte[] encoded = s.getBytes(charset);
        write(encoded, 0, encoded.length);
    }

    /** How many bytes passed so far. */
    public synchronized long size() {
        return size;
    }

    /**
     * What was kept so far. The array is handed over without a copy when it is full: a full
     * array is never written again (the next byte kept goes to a grown copy).
     */
    public synchronized Body body() {
        return size == 0 ? Body.EMPTY : new Body(kept == bytes.length ? bytes : Arrays.copyOf(bytes, kept), size);
    }

    /**
     * The first write gets an array of its size (a body sent in one piece, the common case, is
     * then copied once); later ones grow it by doubling, never past the limit.
     */
    private void ensure(int needed) {
        if (needed > bytes.length) {
            int grown = bytes.length == 0 ? needed : Math.max(needed, Math.max(256, bytes.length * 2));
            bytes = Arrays.copyOf(bytes, Math.min(grown, limit));
        }
    }
}
