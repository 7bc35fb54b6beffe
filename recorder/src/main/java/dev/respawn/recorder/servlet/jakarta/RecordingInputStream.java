package dev.respawn.recorder.servlet.jakarta;

import java.io.IOException;

import dev.respawn.recorder.capture.BodyCapture;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** The container's request stream, with every byte the application reads copied into a capture. */
public final class RecordingInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final BodyCapture capture;

    RecordingInputStream(ServletInputStream in, BodyCapture capture) {
        this.in = in;
        this.capture = capture;
    }

    boolean wraps(ServletInputStream stream) {
        return in == stream;
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

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
