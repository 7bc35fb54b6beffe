package dev.respawn.reloader.loopback;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines of at most a given number of bytes from a loopback client: a line that does
 * not end in time is an {@link IOException}, never a buffer that grows with what a hostile
 * client sends (a 100 MB line without a newline once ended a channel in an OutOfMemoryError).
 */
public final class BoundedLines {

    private final InputStream in;
    private final int maxBytes;

    /** @param maxBytes the longest line accepted, without its end of line */
    public BoundedLines(InputStream in, int maxBytes) {
        if (in == null || maxBytes < 1) {
            throw new IllegalArgumentException("'in' must not be null and 'maxBytes' must be 1 or more, not " + maxBytes);
        }
        this.in = new BufferedInputStream(in, Math.min(maxBytes + 2, 1 << 16));
        this.maxBytes = maxBytes;
    }

    /** The next line without its {@code \n} (or {@code \r\n}), or null at the end of the stream. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(Math.min(maxBytes, 256));
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : text(line);
            }
            if (b == '\n') {
                return text(line);
            }
            if (line.size() >= maxBytes) {
                throw new LineTooLongException(maxBytes);
            }
            line.write(b);
        }
    }

    private static String text(ByteArrayOutputStream line) {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** A line longer than the channel accepts: the client is disconnected. */
    public static final class LineTooLongException extends IOException {

        private static final long serialVersionUID = 1L;

        LineTooLongException(int maxBytes) {
            super("a line longer than " + maxBytes + " bytes");
        }
    }
}
