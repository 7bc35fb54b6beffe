package dev.respawn.recorder.capture;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;

/** A response body written as text: copies what the server's writer took into a capture, in its charset. */
public final class TeeWriter extends Writer {

    private final Writer out;
    private final BodyCapture capture;
    private final Charset charset;
    private final Runnable onClose;
    private boolean closed;

    /** {@code onClose} runs once, before the server's writer closes (see {@link TeeOutputStream}). */
    public TeeWriter(Writer out, BodyCapture capture, Charset charset, Runnable onClose) {
        this.out = out;
        this.capture = capture;
        this.charset = charset;
        this.onClose = onClose;
    }

    @Override
    public void write(char[] buffer, int off, int len) throws IOException {
        out.write(buffer, off, len);
        capture.write(buffer, off, len, charset);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        out.write(text, off, len);
        capture.write(text.substring(off, off + len), charset);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(c);
        capture.write(String.valueOf((char) c), charset);
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
