package dev.respawn.recorder.helidon.stub.http;

import dev.respawn.recorder.helidon.stub.uri.UriPath;
import dev.respawn.recorder.helidon.stub.uri.UriQuery;

/** Stands for Helidon's {@code HttpPrologue}, a class: the request line; made here for unit tests only. */
public class HttpPrologue {

    private final String protocol;
    private final String protocolVersion;
    private final Method method;
    private final UriPath uriPath;
    private final UriQuery query;

    public HttpPrologue(String protocol, String protocolVersion, Method method, UriPath uriPath, UriQuery query) {
        this.protocol = protocol;
        this.protocolVersion = protocolVersion;
        this.method = method;
        this.uriPath = uriPath;
        this.query = query;
    }

    public String protocol() {
        return protocol;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    public Method method() {
        return method;
    }

    public UriPath uriPath() {
        return uriPath;
    }

    public UriQuery query() {
        return query;
    }
}
