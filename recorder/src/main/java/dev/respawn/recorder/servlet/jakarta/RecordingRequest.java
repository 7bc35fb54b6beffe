package dev.respawn.recorder.servlet.jakarta;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.TeeReader;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** The request the application sees: its body, as a stream or a reader, copied into the exchange. */
public final class RecordingRequest extends HttpServletRequestWrapper {

    private final RecordingResponse response;
    private final Exchange exchange;
    private RecordingInputStream stream;
    private BufferedReader reader;

    RecordingRequest(HttpServletRequest request, RecordingResponse response, Exchange exchange) {
        super(request);
        this.response = response;
        this.exchange = exchange;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        ServletInputStream in = super.getInputStream();
        if (stream == null || !stream.wraps(in)) {
            stream = new RecordingInputStream(in, exchange.requestBody());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        BufferedReader in = super.getReader();
        if (reader == null) {
            reader = new BufferedReader(new TeeReader(in, exchange.requestBody(), charset()));
        }
        return reader;
    }

    /** Async work writes through our response too, not around it. */
    @Override
    public AsyncContext startAsync() {
        return super.startAsync(this, response);
    }

    private Charset charset() {
        String name = getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
