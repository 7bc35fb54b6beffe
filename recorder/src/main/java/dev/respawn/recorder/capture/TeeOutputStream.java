package dev.respawn.recorder.capture;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body that copies what reached the server into a capture, and runs {@code onClose}
 * once, before the server's stream closes: the exchange is journaled before the client can see
 * the end of the response.
 */
public final class TeeOutputStream extends FilterOutputStream {

    private final BodyCapture capture;
    private final Runnable onClose;
    private boolean closed;

    public TeeOutputStream(OutputStream out, BodyCapture capture, Runnable onClose) {
        super(out);
        this.capture = capture;
        this.onClose = onClose;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        capture.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        capture.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            onClose.run();
        }
        out.close();
    }
}
