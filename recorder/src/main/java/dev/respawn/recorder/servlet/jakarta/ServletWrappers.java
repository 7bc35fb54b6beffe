package dev.respawn.recorder.servlet.jakarta;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import dev.respawn.recorder.capture.Exchange;
import dev.respawn.recorder.capture.Header;
import dev.respawn.recorder.capture.Recorder;
import dev.respawn.recorder.servlet.WrapperFactory;
import jakarta.servlet.DispatcherType;
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
            return errorPage(http, (HttpServletResponse) response, recorder);
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
        RecordingRequest request = state[0] instanceof RecordingRequest ? (RecordingRequest) state[0] : null;
        RecordingResponse response = (RecordingResponse) state[1];
        if (thrown == null && request != null && request.isAsyncStarted()) {
            request.getAsyncContext().addListener(new AsyncCompletion(response));
            return;
        }
        // (After sendError the container counts the response as committed: it is only suspended.)
        if (request != null && (response.errorSent() || (thrown != null && !response.isCommitted()))) {
            // The container answers with an error page, dispatched (Spring Boot's /error) or its own.
            request.setAttribute(PendingError.ATTRIBUTE, new PendingError(response));
            return;
        }
        response.finish(thrown);
    }

    /**
     * The error dispatch of a request whose exchange waits for its error page: the page's body is
     * recorded into that exchange, which ends as the dispatch returns.
     */
    private static Object[] errorPage(HttpServletRequest request, HttpServletResponse response, Recorder recorder) {
        Object pending = request.getAttribute(PendingError.ATTRIBUTE);
        if (!(pending instanceof PendingError) || request.getDispatcherType() != DispatcherType.ERROR) {
            return null;
        }
        request.removeAttribute(PendingError.ATTRIBUTE);
        RecordingResponse page = new RecordingResponse(response, ((PendingError) pending).response().exchange());
        recorder.bind(page.exchange());
        return new Object[] {request, page};
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
