package dev.respawn.recorder.capture;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A request body that copies what the application reads into a capture, and changes nothing else. */
public final class TeeInputStream extends FilterInputStream {

    private final BodyCapture capture;

    public TeeInputStream(InputStream in, BodyCapture capture) {
        super(in);
        this.capture = capture;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            capture.write(b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            capture.write(b, off, n);
        }
        return n;
    }

    /** A reset would record the same bytes twice. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // Not supported, as markSupported says.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }
}
