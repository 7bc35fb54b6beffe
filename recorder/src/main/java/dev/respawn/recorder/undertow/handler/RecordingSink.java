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
 * ends the record as the application ends the body, before the server sends its end.
 */
final class RecordingSink extends AbstractStreamSinkConduit<StreamSinkConduit> {

    private final BodyCapture capture;
    private final RecordingResponse response;

    RecordingSink(StreamSinkConduit next, BodyCapture capture, RecordingResponse response) {
        super(next);
        this.capture = capture;
        this.response = response;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int from = src.position();
        int written = next.write(src);
        capture.write(src, from, written);
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
        capture.write(src, from, written);
        if (!src.hasRemaining()) {
            response.finish();
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
            response.finish();
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
        response.finish();
        next.terminateWrites();
    }
}
