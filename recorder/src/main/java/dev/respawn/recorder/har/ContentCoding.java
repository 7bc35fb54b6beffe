package dev.respawn.recorder.har;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a body sent with {@code Content-Encoding: gzip} or {@code deflate}, as browsers' HAR
 * files hold it: the text the page saw, not the bytes on the wire. Other codings ({@code br},
 * {@code zstd}, a list of several) are not decoded. Run when a HAR is written or read, never
 * while the request is served.
 *
 * @param bytes the decoded bytes (of a cut-off body, as far as its kept bytes go)
 * @param complete whether {@code bytes} is the whole decoded body: false when the encoded body was
 *     cut at the body limit, or when decoding would pass {@link #MAX_DECODED}
 */
public record ContentCoding(byte[] bytes, boolean complete) {

    /** No body decodes past this, whatever its encoded size (a small gzip can inflate a thousandfold). */
    static final int MAX_DECODED = 64 << 20;

    /**
     * The decoded body, or empty when {@code contentEncoding} is none this class decodes, or the
     * bytes are not what it says (then they stay as they were recorded).
     *
     * @param contentEncoding the response's Content-Encoding header, or null
     * @param encoded the bytes recorded
     * @param cut whether {@code encoded} is only the first part of the body (the body limit)
     */
    public static Optional<ContentCoding> decode(String contentEncoding, byte[] encoded, boolean cut) {
        String coding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (encoded.length == 0) {
            return Optional.empty();
        }
        try {
            switch (coding) {
                case "gzip":
                case "x-gzip":
                    return inflate(new GZIPInputStream(new ByteArrayInputStream(encoded)), cut);
                case "deflate":
                    // RFC 9110's deflate is zlib-wrapped; some servers send the raw stream.
                    Optional<ContentCoding> zlib = inflate(new InflaterInputStream(new ByteArrayInputStream(encoded)), cut);
                    return zlib.isPresent() ? zlib
                            : inflate(new InflaterInputStream(new ByteArrayInputStream(encoded), new Inflater(true)), cut);
                default:
                    return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // not even a gzip header: keep the bytes as they came
        }
    }

    /** Whether a response with this Content-Encoding can be decoded here: what a replay may accept. */
    public static boolean decodes(String coding) {
        String name = coding.strip().toLowerCase(Locale.ROOT);
        return name.equals("gzip") || name.equals("x-gzip") || name.equals("deflate");
    }

    private static Optional<ContentCoding> inflate(InputStream in, boolean cut) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_DECODED) {
                    out.write(buffer, 0, MAX_DECODED - out.size());
                    return Optional.of(new ContentCoding(out.toByteArray(), false));
                }
                out.write(buffer, 0, n);
            }
            return Optional.of(new ContentCoding(out.toByteArray(), true));
        } catch (EOFException e) {
            // The stream ended early: a body cut at the limit decodes as far as it goes.
            return cut ? Optional.of(new ContentCoding(out.toByteArray(), false)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a ZipException: not what its header said
        }
    }
}
