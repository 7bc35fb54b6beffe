package dev.respawn.recorder.undertow.handler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

import dev.respawn.recorder.capture.BodyCapture;

/** The request body as the application reads it, copied into the capture. */
final class RecordingSource extends AbstractStreamSourceConduit<StreamSourceConduit> {

    private final BodyCapture capture;

    RecordingSource(StreamSourceConduit next, BodyCapture capture) {
        super(next);
        this.capture = capture;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int from = dst.position();
        int read = next.read(dst);
        capture.write(dst, from, read);
        return read;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        int[] positions = Buffers.positions(dsts, offset, length);
        long read = next.read(dsts, offset, length);
        if (read > 0) {
            Buffers.copy(dsts, offset, positions, capture);
        }
        return read;
    }

    /** Straight to a file or channel, not through the heap: counted, not kept. */
    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        long moved = next.transferTo(position, count, target);
        capture.skip(moved);
        return moved;
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        long moved = next.transferTo(count, throughBuffer, target);
        capture.skip(moved);
        return moved;
    }
}
