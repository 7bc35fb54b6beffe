package dev.respawn.recorder.undertow.handler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.StreamSinkConduit;

import dev.respawn.recorder.capture.BodyCapture;

/**
 * The response body as the application writes it (before chunking), copied into the capture;
 * runs {@code onEnd} as the application ends the body, before the server sends its end.
 */
final class RecordingSink extends AbstractStreamSinkConduit<StreamSinkConduit> {

    private final BodyCapture capture;
    private final Runnable onEnd;

    RecordingSink(StreamSinkConduit next, BodyCapture capture, Runnable onEnd) {
        super(next);
        this.capture = capture;
        this.onEnd = onEnd;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int from = src.position();
        int written = next.write(src);
        Buffers.copy(src, from, written, capture);
        return written;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        int[] positions = Buffers.positions(srcs, offset, length);
        long written = next.write(srcs, offset, length);
        if (written > 0) {
            Buffers.copy(srcs, offset, positions, capture);
        }
        return written;
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
        int from = src.position();
        int written = next.writeFinal(src);
        Buffers.copy(src, from, written, capture);
        if (!src.hasRemaining()) {
            onEnd.run();
        }
        return written;
    }

    @Override
    public long writeFinal(ByteBuffer[] srcs, int offset, int length) throws IOException {
        int[] positions = Buffers.positions(srcs, offset, length);
        long written = next.writeFinal(srcs, offset, length);
        if (written > 0) {
            Buffers.copy(srcs, offset, positions, capture);
        }
        if (!srcs[offset + length - 1].hasRemaining()) {
            onEnd.run();
        }
        return written;
    }

    /** A file sent whole, not through the heap: counted, not kept. */
    @Override
    public long transferFrom(FileChannel src, long position, long count) throws IOException {
        long moved = next.transferFrom(src, position, count);
        capture.skip(moved);
        return moved;
    }

    @Override
    public long transferFrom(StreamSourceChannel source, long count, ByteBuffer throughBuffer) throws IOException {
        long moved = next.transferFrom(source, count, throughBuffer);
        capture.skip(moved);
        return moved;
    }

    @Override
    public void terminateWrites() throws IOException {
        onEnd.run();
        next.terminateWrites();
    }
}
