package dev.respawn.recorder.capture;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongSupplier;

/**
 * A response body that copies what reached the server into a capture, and runs {@code onEnd}
 * once, before the client can see the end of the response: before the server's stream closes,
 * or, when the response declared its length, before the write that completes it (some servers
 * send each write at once, and the client is done when it has that many bytes).
 */
public final class TeeOutputStream extends FilterOutputStream {

    private final BodyCapture capture;
    private final LongSupplier declaredLength;
    private final Runnable onEnd;
    private boolean ended;
    private long declared = -1;

    /**
     * @param declaredLength the response's Content-Length once known, else -1
     * @param onEnd journals the exchange
     */
    public TeeOutputStream(OutputStream out, BodyCapture capture, LongSupplier declaredLength, Runnable onEnd) {
        super(out);
        this.capture = capture;
        this.declaredLength = declaredLength;
        this.onEnd = onEnd;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (declared < 0) {
            declared = declaredLength.getAsLong(); // once known, a response's length stays what it was
        }
        if (!ended && declared > 0 && capture.size() + len >= declared) {
            capture.write(b, off, len);
            end();
            out.write(b, off, len);
            return;
        }
        out.write(b, off, len);
        capture.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        end();
        out.close();
    }

    private void end() {
        if (!ended) {
            ended = true;
            onEnd.run();
        }
    }
}
