package dev.respawn.front;

import java.util.EnumSet;
import java.util.Set;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/** The headers that belong to one connection (RFC 9110, 7.6.1) and so are not passed on by a proxy. */
final class HopByHop {

    private static final Set<HttpHeader> HEADERS = EnumSet.of(HttpHeader.CONNECTION, HttpHeader.KEEP_ALIVE,
            HttpHeader.PROXY_CONNECTION, HttpHeader.TE, HttpHeader.TRANSFER_ENCODING,
            HttpHeader.UPGRADE, HttpHeader.PROXY_AUTHENTICATE, HttpHeader.PROXY_AUTHORIZATION);

    private static final EnumSet<HttpHeader> HEADER_SET = EnumSet.copyOf(HEADERS);

    private HopByHop() {
    }

    static boolean is(HttpField field) {
        HttpHeader header = field.getHeader();
        return header != null && HEADERS.contains(header);
    }

    /** {@code from}'s end-to-end headers, those a {@code Connection} header names left out too. */
    static HttpFields endToEnd(HttpFields from) {
        if (!from.contains(HEADER_SET)) {
            // Most requests: nothing to leave out, nothing to copy.
            return from;
        }
        HttpFields.Mutable to = HttpFields.build(from.size());
        HttpField connection = null;
        for (HttpField field : from) {
            if (field.getHeader() == HttpHeader.CONNECTION) {
                connection = field;
            } else if (!is(field)) {
                to.add(field);
            }
        }
        if (connection != null) {
            removeNamedIn(connection, to);
        }
        return to;
    }

    /** Removes from {@code fields} the headers that {@code connection} names (other than close and keep-alive). */
    static void removeNamedIn(HttpField connection, HttpFields.Mutable fields) {
        for (String name : connection.getValues()) {
            if (!name.equalsIgnoreCase("close") && !name.equalsIgnoreCase("keep-alive")) {
                fields.remove(name);
            }
        }
    }
}
