package dev.respawn.recorder.capture;

import java.time.Instant;
import java.util.List;

/**
 * One finished HTTP exchange, secrets already redacted.
 *
 * @param id the exchange's id, unique in this worker ({@code <pid>-<sequence>})
 * @param pid the worker's process id
 * @param started when the server began handling the request
 * @param durationMillis how long until the response was complete
 * @param method the request method
 * @param url the full request URL
 * @param httpVersion the protocol, e.g. HTTP/1.1
 * @param requestHeaders the request's headers in the order the server gives them
 * @param requestBody what the application read of the request body
 * @param status the response status code
 * @param responseHeaders the response's headers
 * @param responseBody what the application wrote
 * @param error why the response never completed (the handler failed, or the connection broke
 *     while the server stopped), or null for an exchange that did
 */
public record RecordedExchange(String id, long pid, Instant started, double durationMillis, String method,
        String url, String httpVersion, List<Header> requestHeaders, Body requestBody, int status,
        List<Header> responseHeaders, Body responseBody, String error) {

    public RecordedExchange {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
    }

    /** A complete exchange. */
    public RecordedExchange(String id, long pid, Instant started, double durationMillis, String method,
            String url, String httpVersion, List<Header> requestHeaders, Body requestBody, int status,
            List<Header> responseHeaders, Body responseBody) {
        this(id, pid, started, durationMillis, method, url, httpVersion, requestHeaders, requestBody, status,
                responseHeaders, responseBody, null);
    }

    /** The first value of a header, compared without case, or null. */
    public static String first(List<Header> headers, String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
