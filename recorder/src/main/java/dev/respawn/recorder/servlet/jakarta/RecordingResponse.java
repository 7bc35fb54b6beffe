package dev.respawn.recorder.servlet.jakarta;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.TeeWriter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/** The response the application writes to: its body, as a stream or a writer, copied into the exchange. */
public final class RecordingResponse extends HttpServletResponseWrapper {

    private final Exchange exchange;
    private RecordingOutputStream stream;
    private PrintWriter writer;
    private boolean errorSent;
    /** The language set before the response was committed: Tomcat writes it only as it commits. */
    private String language;

    RecordingResponse(HttpServletResponse response, Exchange exchange) {
        super(response);
        this.exchange = exchange;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        ServletOutputStream out = super.getOutputStream();
        if (stream == null || !stream.wraps(out)) {
            stream = new RecordingOutputStream(out, exchange.responseBody(), () -> finish(null));
        }
        return stream;
    }

    /** The container writes the error page after the application returns: the exchange waits for it. */
    @Override
    public void sendError(int status, String message) throws IOException {
        errorSent = true;
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        errorSent = true;
        super.sendError(status);
    }

    @Override
    public void setLocale(Locale locale) {
        if (locale != null && !isCommitted()) {
            language = locale.toLanguageTag();
        }
        super.setLocale(locale);
    }

    boolean errorSent() {
        return errorSent;
    }

    Exchange exchange() {
        return exchange;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        PrintWriter out = super.getWriter();
        if (writer == null) {
            writer = new PrintWriter(new TeeWriter(out, exchange.responseBody(), charset(), () -> finish(null)));
        }
        return writer;
    }

    /**
     * Journals the exchange, when the application closes the body (before the client can see its
     * end) or when the outermost call returns; a request that threw gets the 500 the container is
     * about to send.
     */
    /**
     * Ends the exchange; {@code failure} (or null) is what ended its processing. A failure before the
     * response was committed leaves the container to answer 500; one after it cut the response short.
     */
    void finish(Throwable failure) {
        if (exchange.isFinished()) {
            return;
        }
        HttpServletResponse response = (HttpServletResponse) getResponse();
        if (failure == null) {
            exchange.finish(response.getStatus(), headers(response, language));
        } else if (response.isCommitted()) {
            exchange.abort(response.getStatus(), headers(response, language), failure);
        } else {
            exchange.finish(500, headers(response, language));
        }
    }

    private static List<Header> headers(HttpServletResponse response, String language) {
        List<Header> headers = new ArrayList<>();
        // Some containers list a name once per value.
        Set<String> seen = new HashSet<>();
        boolean contentType = false;
        for (String name : response.getHeaderNames()) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            contentType |= name.equalsIgnoreCase("Content-Type");
            for (String value : response.getHeaders(name)) {
                headers.add(new Header(name, value));
            }
        }
        // Containers keep the content type apart from the other headers, and Tomcat the language too.
        if (!contentType && response.getContentType() != null) {
            headers.add(new Header("Content-Type", response.getContentType()));
        }
        if (language != null && !seen.contains("content-language")) {
            headers.add(new Header("Content-Language", language));
        }
        return headers;
    }

    private Charset charset() {
        try {
            String name = getCharacterEncoding();
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
