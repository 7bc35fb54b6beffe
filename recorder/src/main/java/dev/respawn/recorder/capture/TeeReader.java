package dev.respawn.recorder.capture;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;

/** A request body read as text: copies each character read into a capture, in the request's charset. */
public final class TeeReader extends Reader {

    private final Reader in;
    private final BodyCapture capture;
    private final Charset charset;

    public TeeReader(Reader in, BodyCapture capture, Charset charset) {
        this.in = in;
        this.capture = capture;
        this.charset = charset;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        if (n > 0) {
            capture.write(buffer, off, n, charset);
        }
        return n;
    }

    @Override
    public boolean ready() throws IOException {
        return in.ready();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
