package dev.respawn.front;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MetaData;

/**
 * Jetty's response generator, except that a HEAD answer the application gave neither a length nor
 * a transfer coding (the JDK's HttpServer gives none) goes out with neither: Jetty's own would say
 * {@code Transfer-Encoding: chunked}, which the application did not, and a client that reads a HEAD
 * answer's framing as a GET's then waits for chunks that never come. A HEAD answer has no body
 * whatever its headers say (RFC 9110, 9.3.2), so the connection stays open all the same.
 */
final class HeadFramingGenerator extends HttpGenerator {

    private static final byte[] CHUNKED = "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.ISO_8859_1);

    @Override
    public Result generateResponse(MetaData.Response info, boolean head, ByteBuffer header, ByteBuffer chunk,
            ByteBuffer content, boolean last) throws IOException {
        boolean headers = head && info != null && header != null && isState(State.START);
        Result result = super.generateResponse(info, head, header, chunk, content, last);
        if (headers && result == Result.FLUSH && isChunking() && unframed(info)) {
            // The last chunk Jetty adds later is dropped for a HEAD, as any content is.
            remove(header, CHUNKED);
        }
        return result;
    }

    /** Neither a length nor a transfer coding, nor trailers (which the front sets when the application chunked). */
    private static boolean unframed(MetaData.Response info) {
        HttpFields fields = info.getHttpFields();
        return info.getTrailersSupplier() == null && info.getContentLength() < 0 && (fields == null
                || !fields.contains(HttpHeader.TRANSFER_ENCODING) && !fields.contains(HttpHeader.CONTENT_LENGTH));
    }

    /** Removes the line {@code line} from the header's bytes between position and limit. */
    private static void remove(ByteBuffer header, byte[] line) {
        int start = header.position();
        int end = header.limit();
        for (int at = start; at + line.length <= end; at++) {
            if ((at == start || header.get(at - 1) == '\n') && matches(header, at, line)) {
                for (int from = at + line.length; from < end; from++) {
                    header.put(from - line.length, header.get(from));
                }
                header.limit(end - line.length);
                return;
            }
        }
    }

    private static boolean matches(ByteBuffer buffer, int at, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (buffer.get(at + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
