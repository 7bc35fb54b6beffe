package dev.respawn.recorder.helidon;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.capture.TeeInputStream;
import dev.respawn.recorder.capture.TeeOutputStream;

/**
 * Where the inlined {@link HelidonAdvice} calls in: begins an exchange for a Helidon request,
 * tees its bodies through the request's and response's stream filters, ends it as the response
 * body closes or the response is sent, and binds the routing thread to it meanwhile.
 */
public final class HelidonEntry {

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private HelidonEntry() {
    }

    public static boolean enter(Object request, Object response) {
        Recorder recorder = Recorder.active();
        if (recorder == null || request == null || response == null || recorder.serving()) {
            return false;
        }
        try {
            Object prologue = Calls.call(request, "prologue");
            Exchange exchange = recorder.begin((Integer) Calls.call(Calls.call(request, "localPeer"), "port"));
            List<Header> headers = headers(Calls.call(request, "headers"));
            exchange.request((String) Calls.call(Calls.call(prologue, "method"), "text"),
                    url(request, prologue, headers),
                    Calls.call(prologue, "protocol") + "/" + Calls.call(prologue, "protocolVersion"), headers);
            Runnable finish = () -> finish(response, exchange);
            Calls.call(request, "streamFilter",
                    (UnaryOperator<InputStream>) in -> new TeeInputStream(in, exchange.requestBody()));
            Calls.call(response, "streamFilter", (UnaryOperator<OutputStream>) out -> new TeeOutputStream(out,
                    exchange.responseBody(), () -> -1, finish));
            Calls.call(response, "whenSent", finish);
            recorder.bind(exchange);
            return true;
        } catch (Throwable t) {
            warn(t);
            return false;
        }
    }

    public static void exit(boolean bound) {
        Recorder recorder = Recorder.active();
        if (bound && recorder != null) {
            recorder.unbind();
        }
    }

    /** From the request line and Host: the request's own URI is not resolved before routing. */
    private static String url(Object request, Object prologue, List<Header> headers) throws ReflectiveOperationException {
        String host = null;
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase("Host")) {
                host = header.value();
                break;
            }
        }
        if (host == null) {
            host = "localhost:" + Calls.call(Calls.call(request, "localPeer"), "port");
        }
        String query = (String) Calls.call(Calls.call(prologue, "query"), "rawValue");
        return (Boolean.TRUE.equals(Calls.call(request, "isSecure")) ? "https://" : "http://") + host
                + Calls.call(Calls.call(prologue, "uriPath"), "rawPath") + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static void finish(Object response, Exchange exchange) {
        if (exchange.isFinished()) {
            return;
        }
        try {
            exchange.finish((Integer) Calls.call(Calls.call(response, "status"), "code"),
                    headers(Calls.call(response, "headers")));
        } catch (Throwable t) {
            warn(t);
            exchange.finish(0, List.of());
        }
    }

    static List<Header> headers(Object headers) throws ReflectiveOperationException {
        List<Header> result = new ArrayList<>();
        for (Object header : (Iterable<?>) headers) {
            String name = (String) Calls.call(header, "name");
            for (Object value : (List<?>) Calls.call(header, "allValues")) {
                result.add(new Header(name, (String) value));
            }
        }
        return List.copyOf(result);
    }

    private static void warn(Throwable t) {
        if (t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null) {
            t = t.getCause();
        }
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("respawn: the recorder cannot record this Helidon server's requests (" + t
                    + "); the application goes on without it");
        }
    }
}
