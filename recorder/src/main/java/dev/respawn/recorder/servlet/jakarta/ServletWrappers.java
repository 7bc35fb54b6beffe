package dev.respawn.recorder.servlet.jakarta;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.servlet.WrapperFactory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Wraps the outermost call of each HTTP request in recording wrappers, and ends the exchange. */
public final class ServletWrappers implements WrapperFactory {

    /** Marks a request as recorded, so that nested chains, forwards and error dispatches are not. */
    static final String ATTRIBUTE = "dev.respawn.recorder.exchange";

    @Override
    public Object[] enter(Object request, Object response, Recorder recorder) {
        if (!(request instanceof HttpServletRequest) || !(response instanceof HttpServletResponse)) {
            return null;
        }
        HttpServletRequest http = (HttpServletRequest) request;
        if (http.getAttribute(ATTRIBUTE) != null) {
            return null;
        }
        Exchange exchange = recorder.begin(http.getLocalPort());
        http.setAttribute(ATTRIBUTE, exchange.id());
        exchange.request(http.getMethod(), url(http), http.getProtocol(), requestHeaders(http));
        RecordingResponse wrappedResponse = new RecordingResponse((HttpServletResponse) response, exchange);
        RecordingRequest wrappedRequest = new RecordingRequest(http, wrappedResponse, exchange);
        recorder.bind(exchange);
        return new Object[] {wrappedRequest, wrappedResponse};
    }

    @Override
    public void exit(Object[] state, Throwable thrown, Recorder recorder) {
        recorder.unbind();
        RecordingRequest request = (RecordingRequest) state[0];
        RecordingResponse response = (RecordingResponse) state[1];
        if (thrown == null && request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncCompletion(response));
            return;
        }
        response.finish(thrown);
    }

    static String url(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    static List<Header> requestHeaders(HttpServletRequest request) {
        List<Header> headers = new ArrayList<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                headers.add(new Header(name, values.nextElement()));
            }
        }
        return headers;
    }
}
