package dev.respawn.recorder.servlet.jakarta;

import java.io.IOException;

import dev.respawn.recorder.capture.BodyCapture;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/** The container's response stream, with every byte the application writes copied into a capture. */
public final class RecordingOutputStream extends ServletOutputStream {

    private final ServletOutputStream out;
    private final BodyCapture capture;
    private final Runnable onClose;
    private boolean closed;

    /** {@code onClose} runs once, before the container's stream closes and the client sees the end. */
    RecordingOutputStream(ServletOutputStream out, BodyCapture capture, Runnable onClose) {
        this.out = out;
        this.capture = capture;
        this.onClose = onClose;
    }

    boolean wraps(ServletOutputStream stream) {
        return out == stream;
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

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        out.setWriteListener(listener);
    }
}
