package dev.respawn.recorder.undertow.handler;

import java.nio.ByteBuffer;

import dev.respawn.recorder.capture.BodyCapture;

/** Copies bytes a conduit moved into a capture, without touching the buffers the server owns. */
final class Buffers {

    private Buffers() {
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
            capture.write(buffer, positions[i], buffer.position() - positions[i]);
        }
    }
}
