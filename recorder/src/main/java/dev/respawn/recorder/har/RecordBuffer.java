package dev.respawn.recorder.har;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array that one thread encodes its journal records into, and reuses for the
 * next: a record then costs no allocation at all, where one array per string and one per record
 * were most of what the recorder allocated per request.
 */
final class RecordBuffer {

    /** A buffer grown past this (a large body) is not kept for the next record. */
    static final int KEPT = 64 << 10;

    private byte[] bytes;
    private int length;

    RecordBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    RecordBuffer clear() {
        length = 0;
        return this;
    }

    boolean oversized() {
        return bytes.length > KEPT;
    }

    void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    void putInt(int v) {
        ensure(Integer.BYTES);
        putIntAt(length, v);
        length += Integer.BYTES;
    }

    void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    /** Big-endian, as {@link java.nio.ByteBuffer} reads it back. */
    void putIntAt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    /**
     * The string's UTF-8 bytes after their count. Header names, values and URLs are nearly always
     * ASCII, which is copied char by char; anything else goes through the charset.
     */
    void putString(String s) {
        int n = s.length();
        ensure(Integer.BYTES + n);
        int at = length + Integer.BYTES;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                putInt(utf8.length);
                put(utf8);
                return;
            }
            bytes[at + i] = (byte) c;
        }
        putIntAt(length, n);
        length = at + n;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }
}
