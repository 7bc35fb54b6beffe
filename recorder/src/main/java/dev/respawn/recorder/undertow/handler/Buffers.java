package dev.respawn.recorder.undertow.handler;

import java.nio.ByteBuffer;

import dev.respawn.recorder.capture.BodyCapture;

/** Copies bytes a conduit moved into a capture, without touching the buffer the server owns. */
final class Buffers {

    private Buffers() {
    }

    /** The {@code count} bytes from {@code from} in {@code buffer}: kept up to the capture's room, counted all. */
    static void copy(ByteBuffer buffer, int from, long count, BodyCapture capture) {
        if (count <= 0) {
            return;
        }
        int take = (int) Math.min(count, capture.room());
        if (take > 0) {
            if (buffer.hasArray()) {
                capture.write(buffer.array(), buffer.arrayOffset() + from, take);
            } else {
                byte[] bytes = new byte[take];
                buffer.duplicate().position(from).get(bytes);
                capture.write(bytes, 0, take);
            }
        }
        capture.skip(count - take);
    }

    static int[] positions(ByteBuffer[] buffers, int offset, int length) {
        int[] positions = new int[length];
        for (int i = 0; i < length; i++) {
            positions[i] = buffers[offset + i].position();
        }
        return positions;
    }

    /** What a scattering read or gathering write moved, buffer by buffer, since {@code positions}. */
    static void copy(ByteBuffer[] buffers, int offset, int[] positions, BodyCapture capture) {
        for (int i = 0; i < positions.length; i++) {
            ByteBuffer buffer = buffers[offset + i];
            copy(buffer, positions[i], buffer.position() - positions[i], capture);
        }
    }
}
