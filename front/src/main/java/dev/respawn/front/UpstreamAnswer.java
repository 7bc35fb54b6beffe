package dev.respawn.front;

import java.io.EOFException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;

/**
 * The application's answer to one request, as Jetty's {@link HttpParser} reads it off an
 * {@link Upstream}: its status and end-to-end headers go onto the client's response as they are
 * parsed, and what must be written (a 1xx interim answer, a piece of the body) or what ended it is
 * kept for the connection to act on, one at a time, as the client takes each.
 */
final class UpstreamAnswer implements HttpParser.ResponseHandler {

    private final HttpParser parser = new HttpParser(this);
    private Exchange exchange;
    private boolean head;
    private int status;
    private boolean informational;
    private HttpFields.Mutable interim;
    private int interimStatus;
    private HttpField connection;
    private boolean persistent;
    private boolean framedByLength;
    private HttpFields.Mutable trailers;
    private ByteBuffer content;
    private boolean lastContent;
    private boolean complete;
    private Throwable failure;

    /** Reads the answer to {@code next} from here on. */
    void reset(Exchange next) {
        exchange = next;
        head = HttpMethod.HEAD.is(next.request().getMethod());
        parser.reset();
        parser.setHeadResponse(head);
        status = 0;
        informational = false;
        interim = null;
        connection = null;
        framedByLength = false;
        trailers = null;
        content = null;
        lastContent = false;
        complete = false;
        failure = null;
    }

    /** Parses what {@code input} holds, until something is to be written or done; see the takers below. */
    void parse(ByteBuffer input) {
        parser.parseNext(input);
    }

    void atEOF() {
        parser.atEOF();
    }

    boolean isAtEOF() {
        return parser.isAtEOF();
    }

    /** The interim (1xx) answer parsed and not yet passed on, as its status, or 0 for none. */
    int interimStatus() {
        return interim == null ? 0 : interimStatus;
    }

    /** The interim answer's headers, now taken. */
    HttpFields takeInterim() {
        HttpFields fields = interim;
        interim = null;
        return fields;
    }

    /** The piece of the body parsed and not yet passed on, now taken, or null. */
    ByteBuffer takeContent() {
        ByteBuffer piece = content;
        content = null;
        return piece;
    }

    /**
     * Whether the piece last taken ends a body of known length: written as the client's last, it
     * goes out with the answer's headers in one write and ends the answer without another pass
     * through Jetty's response.
     */
    boolean lastContent() {
        return lastContent;
    }

    /** Whether the answer ended whole. */
    boolean complete() {
        return complete;
    }

    /** Why the answer broke off, or null. */
    Throwable failure() {
        return failure;
    }

    /** Whether the application keeps the connection open after this answer. */
    boolean persistent() {
        return persistent;
    }

    /**
     * Whether the client's response must be committed before it ends, so that Jetty does not
     * add a {@code Content-Length: 0} of its own: a HEAD answer or a 204 or 304, which has no body
     * whatever its length says, and for which the application gave no length (the JDK's
     * HttpServer gives none to a HEAD).
     */
    boolean bodilessWithoutLength() {
        return !framedByLength && (head || status == HttpStatus.NO_CONTENT_204 || status == HttpStatus.NOT_MODIFIED_304);
    }

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
        informational = HttpStatus.isInformational(status);
        if (informational) {
            interimStatus = status;
            interim = HttpFields.build();
            return;
        }
        persistent = version == HttpVersion.HTTP_1_1;
        exchange.response().setStatus(status);
    }

    @Override
    public void parsedHeader(HttpField field) {
        if (informational) {
            if (!HopByHop.is(field)) {
                interim.add(field);
            }
            return;
        }
        HttpHeader header = field.getHeader();
        if (header == HttpHeader.CONNECTION) {
            connection = field;
            // As HTTP/1.1 says (RFC 9112, 9.3): close ends it, an HTTP/1.0 answer goes on only with keep-alive.
            persistent = persistent ? !field.contains("close") : field.contains("keep-alive");
            return;
        }
        if (header == HttpHeader.TRANSFER_ENCODING && field.contains(HttpHeaderValue.CHUNKED.asString())) {
            // Trailers may follow the last chunk: Jetty asks for them once it writes the client's last one.
            trailers = HttpFields.build();
            HttpFields.Mutable kept = trailers;
            exchange.response().setTrailersSupplier(() -> kept);
        } else if (header == HttpHeader.CONTENT_LENGTH) {
            framedByLength = true;
        }
        if (!HopByHop.is(field)) {
            exchange.response().getHeaders().add(field);
        }
    }

    @Override
    public void parsedTrailer(HttpField field) {
        if (trailers != null) {
            trailers.add(field);
        }
    }

    @Override
    public boolean headerComplete() {
        if (!informational && connection != null) {
            HopByHop.removeNamedIn(connection, exchange.response().getHeaders());
        }
        return false;
    }

    @Override
    public boolean content(ByteBuffer piece) {
        content = piece;
        lastContent = framedByLength && parser.getContentRead() == parser.getContentLength();
        return true;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        if (informational) {
            // The final answer follows on this connection; this one waits to be passed on first.
            informational = false;
            parser.reset();
            parser.setHeadResponse(head);
            if (!passesOn(interimStatus)) {
                interim = null;
                return false;
            }
            return true;
        }
        complete = true;
        return true;
    }

    /**
     * Whether an interim answer reaches the client: 103 Early Hints and 102, to an HTTP/1.1 client
     * (HTTP/1.0 knows none, RFC 9110 15.2); never 100 Continue, which this path's requests, without
     * a body, did not ask for, nor 101, which no request here asked for either.
     */
    private boolean passesOn(int interimStatus) {
        return interimStatus != HttpStatus.CONTINUE_100 && interimStatus != HttpStatus.SWITCHING_PROTOCOLS_101
                && exchange.request().getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_1;
    }

    @Override
    public void earlyEOF() {
        failure = new EOFException();
    }

    @Override
    public void badMessage(HttpException bad) {
        failure = (Throwable) bad;
    }
}
